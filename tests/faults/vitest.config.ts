import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The fault-injection suite (pnpm test:faults): real built processes (runtime-api/dist) against a
// real Postgres. Its files end in .fault.ts so the main suite (tests/**/*.test.ts) never picks them
// up. Files run one after another: each starts several processes on a 2-core machine.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["tests/faults/**/*.fault.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
