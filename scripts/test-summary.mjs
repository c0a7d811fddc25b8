// Prints "N passed, N failed" from the Vitest JSON report, the line CI reads.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(new URL("../test-results/vitest.json", import.meta.url), "utf8"));
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
if (report.numTotalTests === 0 || report.numFailedTests > 0) process.exit(1);
