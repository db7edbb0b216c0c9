// `npm start`: everything a bare machine needs to serve Strongbox on the embedded default.
// Prepares the data folder (key file, session secret), migrates the database, builds the console
// when no build exists, then serves it with the background sweep running beside it.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import path from "node:path";
import { dataDir, databaseConfig } from "../lib/config";
import { loadKeyEncryptionKey, loadOrCreateSecretFile } from "../lib/crypto/keys";
import { prepareDatabase } from "../lib/ops/setup";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

// Worker processes (STRONGBOX_WORKERS) run this file again: the primary prepared everything.
if (cluster.isPrimary) await prepare();
await import("../server");

async function prepare() {
  const dir = dataDir();
  const database = databaseConfig();
  loadKeyEncryptionKey({ dataDir: dir, log: (m) => console.warn(`strongbox: ${m}`) });
  process.env.NEXTAUTH_SECRET ??= loadOrCreateSecretFile(dir, "nextauth.secret");

  const prepared = await prepareDatabase(database);
  console.log(
    `strongbox: database ${database.provider === "sqlite" ? database.url : "postgresql"} ready` +
      (prepared.migrations.length > 0 ? ` (applied ${prepared.migrations.join(", ")})` : "") +
      (prepared.managedPolicies > 0
        ? ` (loaded ${prepared.managedPolicies} AWS managed policies)`
        : ""),
  );

  if (process.env.STRONGBOX_DEMO_RESET === "1") {
    const { resetDemo } = await import("../lib/demo/reset");
    const demo = await resetDemo();
    console.log(`strongbox: demo account ${demo.AccountId} reset in ${demo.Seconds} s`);
    console.log(`  root user: ${demo.Root.Email} / ${demo.Root.Password}`);
    for (const user of demo.Users)
      console.log(`  IAM user ${user.UserName} / ${user.Password}: ${user.Purpose}`);
    console.log(
      `  application access key: ${demo.ApplicationAccessKey.AccessKeyId} / ${demo.ApplicationAccessKey.SecretAccessKey}`,
    );
  }

  const distDir = process.env.STRONGBOX_DIST_DIR || ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID")) || process.env.STRONGBOX_REBUILD === "1") {
    console.log("strongbox: building the console (first start only)...");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}
