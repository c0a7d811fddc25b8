// A Vitest reporter that keeps what the JSON report leaves out: how the run ended, the errors
// raised outside any test (an unhandled rejection, a worker that died) and the exit code (which a
// coverage threshold also sets, after the reporters have run). Vitest fails the run on these while
// every test passed, so the CI summary (scripts/test-summary.mjs) names them.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from "vitest/node";

interface RunError {
  name: string;
  message: string;
  stack: string;
  /** The test that was running when the error was raised, where Vitest knows it. */
  testPath: string;
  testName: string;
}

export class RunErrorsReporter implements Reporter {
  private reason: TestRunEndReason | undefined;
  private errors: RunError[] = [];

  constructor(private readonly outputFile: string) {
    // A run that never ends leaves no report, rather than the last run's.
    rmSync(outputFile, { force: true });
    // Written as the process ends, only then is the exit code final; only by the instance whose
    // run ended (a configuration loaded twice must not overwrite it with an empty report).
    process.once("exit", (exitCode) => {
      if (this.reason !== undefined) this.write(this.reason, exitCode);
    });
  }

  onTestRunEnd(
    _testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    this.reason = reason;
    this.errors = unhandledErrors.map((error) => ({
      name: error.name ?? "Error",
      message: error.message,
      stack: error.stack ?? "",
      testPath: typeof error["VITEST_TEST_PATH"] === "string" ? error["VITEST_TEST_PATH"] : "",
      testName: typeof error["VITEST_TEST_NAME"] === "string" ? error["VITEST_TEST_NAME"] : "",
    }));
  }

  private write(reason: TestRunEndReason, exitCode: number): void {
    mkdirSync(dirname(this.outputFile), { recursive: true });
    const run = { reason, exitCode, errors: this.errors };
    writeFileSync(this.outputFile, `${JSON.stringify(run, null, 2)}\n`);
  }
}
