import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The fault-injection suite (pnpm test:faults): real built processes (runtime-api/dist) against a
// real Postgres. Its files end in .fault.ts so the main suite (tests/**/*.test.ts) never picks them
// up. Two files run at a time: most of a fault test is waiting (for a worker's poll, a lease, a
// restart), and each file starts its own processes on its own database.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["tests/faults/**/*.fault.ts"],
    maxWorkers: 2,
    // Generous: a shared 2-core machine can be many times slower than an idle one.
    testTimeout: 150_000,
    hookTimeout: 60_000,
  },
});
