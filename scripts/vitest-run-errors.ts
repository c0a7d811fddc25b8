// A Vitest reporter that keeps what the JSON report leaves out: how the run ended and the errors
// raised outside any test (an unhandled rejection, a worker that died). Vitest fails the run on
// them while every test passed, so the CI summary (scripts/test-summary.mjs) prints them.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from "vitest/node";

export class RunErrorsReporter implements Reporter {
  constructor(private readonly outputFile: string) {}

  onTestRunEnd(
    _testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    // Vitest names the test that was running when the error was raised, where it knows it.
    const errors = unhandledErrors.map((error) => ({
      name: error.name ?? "Error",
      message: error.message,
      stack: error.stack ?? "",
      testPath: typeof error["VITEST_TEST_PATH"] === "string" ? error["VITEST_TEST_PATH"] : "",
      testName: typeof error["VITEST_TEST_NAME"] === "string" ? error["VITEST_TEST_NAME"] : "",
    }));
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, `${JSON.stringify({ reason, errors }, null, 2)}\n`);
  }
}
