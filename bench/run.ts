// `npm run bench`: every benchmark, one after another, printing figures. Nothing here asserts.
// BENCH_ONLY=secrets,authorize runs a subset.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => !only || only.includes(f.replace(".bench.ts", "")))
  .sort();

console.log(
  `Strongbox benchmarks (${new Date().toISOString()}), node ${process.version}, ${files.length} suites\n`,
);
for (const file of files) {
  const started = performance.now();
  console.log(`== ${file}`);
  const mod = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as {
    run?: () => Promise<void>;
  };
  if (typeof mod.run !== "function") {
    console.log("   (no run() exported)\n");
    continue;
  }
  await mod.run();
  console.log(`   (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
process.exit(0);
