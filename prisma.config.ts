// Prisma CLI configuration. The provider folder (prisma/sqlite or prisma/postgres) is chosen from
// DATABASE_URL, as the app does. Engine "js" with driver adapters needs no downloaded engines.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { createCliPool } from "./prisma/pg-cli-shim";

const url = process.env.DATABASE_URL ?? "file:.data/strongbox.db";
const provider =
  process.env.STRONGBOX_PRISMA_PROVIDER ?? (/^postgres(ql)?:/.test(url) ? "postgres" : "sqlite");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    if (provider === "postgres") return new PrismaPg(createCliPool(url));
    return new PrismaBetterSQLite3({ url: url.replace(/^file:/, "") });
  },
});
