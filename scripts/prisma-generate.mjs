// Generates both Prisma clients (SQLite and PostgreSQL) so one build serves either database.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const prisma = "node_modules/prisma/build/index.js";
if (!existsSync(prisma)) process.exit(0);
for (const provider of ["sqlite", "postgres"]) {
  execFileSync(process.execPath, [prisma, "generate"], {
    stdio: "inherit",
    env: {
      ...process.env,
      STRONGBOX_PRISMA_PROVIDER: provider,
      DATABASE_URL:
        provider === "postgres" ? "postgresql://localhost/unused" : "file:.data/strongbox.db",
    },
  });
}
