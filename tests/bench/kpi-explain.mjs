// EXPLAIN ANALYZE of the SQL the runtime builds for benchmark KPIs, at the 1M app of kpi-fixtures.mjs:
// where a KPI's time goes. A part that rollups serve shows its rollup query (DIRECT=1: the query over
// the records instead). Usage (after `pnpm bench:kpi` has built, seeded and built the rollups):
//   DATABASE_URL=postgres://… node tests/bench/kpi-explain.mjs goal_achievement cycle_days
// FULL=1 prints whole plans (default: the execution time); SETS="set jit = off;set work_mem = '64MB'"
// tries session settings first.
import { compileApp, periodBuckets } from "../../engine/dist/index.js";
import { partQuery } from "../../runtime-api/dist/kpis/kpi-sql.js";
import { entryFor, rollupEntries } from "../../runtime-api/dist/kpis/rollup-plan.js";
import { rollupPartQuery } from "../../runtime-api/dist/kpis/rollup-sql.js";
import { BENCH_WORKSPACE, benchDefinition } from "./kpi-fixtures.mjs";
import { openBenchDatabase, sql } from "./seed-kpi.mjs";

const compiled = compileApp(benchDefinition());
if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors.slice(0, 3)));
const database = await openBenchDatabase();
const { db } = database;
try {
  for (const id of process.argv.slice(2)) {
    const spec = compiled.app.kpis.get(id);
    if (spec === undefined) throw new Error(`no KPI ${id} in the benchmark app`);
    const buckets = periodBuckets("2026-01-01", "2027-01-01", "month", spec.timeZone);
    for (const part of spec.parts) {
      const ctx = { workspaceId: BENCH_WORKSPACE, appId: "kpi-bench-1m", today: "2026-11-23" };
      const partCtx = { ...ctx, timeZone: spec.timeZone, buckets, groupBy: "_owner" };
      const entry = process.env.DIRECT ? undefined : entryFor(rollupEntries(part, spec.timeZone), "_owner");
      const query = entry === undefined ? partQuery(part, partCtx) : rollupPartQuery(part, entry, partCtx);
      const plan = await db.connection().execute(async (connection) => {
        for (const set of (process.env.SETS ?? "").split(";").filter(Boolean)) {
          await sql.raw(set).execute(connection);
        }
        return sql`explain (analyze, buffers) ${query}`.execute(connection);
      });
      const lines = plan.rows.map((row) => row["QUERY PLAN"]);
      console.log(`== ${id} (${part.alias}, ${entry === undefined ? "records" : "rollup"})`);
      console.log(process.env.FULL ? lines.join("\n") : lines.at(-1));
    }
  }
} finally {
  await database.close();
}
