// pnpm test:faults: the fault-injection suite, against the Postgres server in DATABASE_URL and the
// built runtime (pnpm build first). Skipped (with a notice) when DATABASE_URL is unset.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!process.env.DATABASE_URL) {
  console.log("DATABASE_URL is unset: the fault-injection suite is skipped (CI runs it).");
  process.exit(0);
}
if (!existsSync(new URL("../../runtime-api/dist/main.js", import.meta.url))) {
  console.error("runtime-api/dist/main.js is missing: run pnpm build before pnpm test:faults.");
  process.exit(1);
}
const config = new URL("vitest.config.ts", import.meta.url).pathname;
const result = spawnSync("pnpm", ["exec", "vitest", "run", "--config", config], { stdio: "inherit" });
process.exit(result.status ?? 1);
