// The Postgres half of the suite: the database suites again, against the server in DATABASE_URL.
// Skipped (with a notice) when DATABASE_URL is unset, e.g. on a laptop without Postgres.
import { spawnSync } from "node:child_process";

if (!process.env.DATABASE_URL) {
  console.log("DATABASE_URL is unset: the Postgres half of the suite is skipped (CI runs it).");
  process.exit(0);
}
const result = spawnSync("pnpm", ["exec", "vitest", "run", "runtime-api", "tests"], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE: "postgres" },
});
process.exit(result.status ?? 1);
