// Prints "N passed, N failed" over the Vitest JSON reports of this run, the line CI reads; above
// it, each failed test (or test file that could not run) and each error raised outside the tests
// (which fails a run in which every test passed), with the first lines of its message, so that the
// end of CI's output names what failed.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const relative = (path) => (path.startsWith(root) ? path.slice(root.length) : path);
// Vitest's messages carry terminal colours; three lines are enough to see what broke.
const excerpt = (message = "") =>
  stripVTControlCharacters(message)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, 3)
    .map((line) => `      ${line.trim().slice(0, 300)}`)
    .join("\n");

let passed = 0;
let failed = 0;
let total = 0;
const failures = [];
const readReport = (name) => {
  const file = new URL(`../test-results/${name}`, import.meta.url);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
};
for (const [name, half] of [
  ["vitest", "PGlite"],
  ["vitest-postgres", "Postgres"],
]) {
  // Written by scripts/vitest-run-errors.ts: how the run ended, the errors Vitest caught outside
  // any test and its exit code.
  const run = readReport(`${name}-errors.json`);
  const listedBefore = failures.length;
  for (const error of run?.errors ?? []) {
    const during = [error.testPath && relative(error.testPath), error.testName].filter(Boolean);
    const where = during.length > 0 ? ` (during ${during.join(" > ")})` : "";
    failures.push(
      `  [${half}] ${error.name} outside the tests${where}\n${excerpt(`${error.message}\n${error.stack}`)}`,
    );
  }
  const report = readReport(`${name}.json`);
  if (!report) continue;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  total += report.numTotalTests;
  for (const result of report.testResults) {
    const failedTests = result.assertionResults.filter((test) => test.status === "failed");
    for (const test of failedTests)
      failures.push(
        `  [${half}] ${relative(result.name)} > ${test.fullName}\n${excerpt(test.failureMessages[0])}`,
      );
    if (result.status === "failed" && failedTests.length === 0)
      failures.push(`  [${half}] ${relative(result.name)} (the file failed)\n${excerpt(result.message)}`);
  }
  // A run that failed with nothing above to show for it: a coverage threshold (its ERROR lines
  // follow the coverage table), a run that did not end, or an error Vitest printed itself.
  if (run && (run.reason !== "passed" || run.exitCode !== 0) && failures.length === listedBefore)
    failures.push(
      `  [${half}] the run ended ${run.reason}, exit code ${run.exitCode}, with no failed test: see Vitest's ERROR lines (a coverage threshold?)`,
    );
}
if (failures.length > 0) console.log(`Failed:\n${failures.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
if (total === 0 || failures.length > 0) process.exit(1);
