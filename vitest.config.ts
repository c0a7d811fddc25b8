import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { RunErrorsReporter } from "./scripts/vitest-run-errors.js";

const report = process.env["TEST_DATABASE"] === "postgres" ? "vitest-postgres" : "vitest";

export default defineConfig({
  resolve: { conditions: ["@stagecraft/source"] },
  ssr: { resolve: { conditions: ["@stagecraft/source"] } },
  test: {
    // Database suites open PGlite (WASM Postgres) per file: allow for its start on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores, which is one on a 2-core machine; the
    // main process mostly waits, so a worker per core runs the suite about a third faster.
    maxWorkers: availableParallelism(),
    // Each half of the suite (PGlite, Postgres) keeps its own reports for the CI summary: the
    // tests (JSON) and the errors raised outside them.
    reporters: [
      "default",
      ["json", { outputFile: `test-results/${report}.json` }],
      new RunErrorsReporter(`test-results/${report}-errors.json`),
    ],
    include: [
      "{engine,schemas,templates,migrations,runtime-api}/src/**/*.test.ts",
      // UI component tests pick their DOM with a `@vitest-environment happy-dom` docblock.
      "builder-ui/src/**/*.test.{ts,tsx}",
      "tests/**/*.test.ts",
    ],
    // Lets React finish its scheduled work before a DOM test file's environment is torn down.
    setupFiles: ["builder-ui/src/test-setup.ts"],
    coverage: {
      provider: "v8",
      include: ["engine/src/**/*.ts", "schemas/src/**/*.ts"],
      exclude: ["**/*.test.ts", "**/test-*.ts", "**/index.ts"],
      reporter: ["text-summary", "text"],
      thresholds: {
        "engine/src/**": { lines: 100 },
        "schemas/src/**": { lines: 100 },
      },
    },
  },
});
