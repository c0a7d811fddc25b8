// Prints "N passed, N failed" over the Vitest JSON reports of this run, the line CI reads.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let total = 0;
for (const name of ["vitest.json", "vitest-postgres.json"]) {
  const file = new URL(`../test-results/${name}`, import.meta.url);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  total += report.numTotalTests;
}
console.log(`${passed} passed, ${failed} failed`);
if (total === 0 || failed > 0) process.exit(1);
