// Prints the suite's totals as one plain line, "N passed, N failed", from vitest's and
// Playwright's JSON reports. A missing report counts as a failure: a runner that did not finish.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const screenshots = new Map();
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`no report at ${file}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    // The guide's sections attach a screenshot per step: say where they are.
    const visit = (suite) => {
      for (const spec of suite.specs ?? [])
        for (const test of spec.tests)
          for (const result of test.results)
            for (const a of result.attachments ?? [])
              if (a.contentType === "image/png" && a.path && a.name !== "screenshot")
                screenshots.set(
                  suite.file ?? suite.title,
                  (screenshots.get(suite.file ?? suite.title) ?? 0) + 1,
                );
      for (const child of suite.suites ?? []) visit(child);
    };
    for (const suite of report.suites ?? []) visit(suite);
  }
}
if (screenshots.size > 0) {
  console.log("\nStep screenshots (test-results/<test>/NN-step.png):");
  for (const [file, count] of screenshots) console.log(`  ${file}: ${count}`);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
