// What the KPI rollups cost a record write: single-row insert, update (amount + stage move), a stage
// move as the API writes it (the record's stage, its open stage-log row closed, a new one: records
// .stage_entries follows the log through triggers) and delete on the 1M app of kpi-fixtures.mjs, each in its own transaction: on the deal form (its KPIs'
// rollups maintained), on a form without rollups, and with the triggers off (same session,
// `session_replication_role = replica`). Run after `pnpm bench:kpi`, which
// seeds the app and builds its rollups. Usage: DATABASE_URL=postgres://… node tests/bench/kpi-write-bench.mjs
import { BENCH_WORKSPACE } from "./kpi-fixtures.mjs";
import { openBenchDatabase, sql } from "./seed-kpi.mjs";

const APP = "kpi-bench-1m";
const SAMPLES = 200;

function percentile(sorted, p) {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function timed(connection, ...statements) {
  const started = process.hrtime.bigint();
  await sql`begin`.execute(connection);
  for (const statement of statements) await statement.execute(connection);
  await sql`commit`.execute(connection);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** SAMPLES rounds of insert, update and delete of one deal; times per kind in ms. */
async function measure(connection, tag, formId = "deal") {
  const times = { insert: [], update: [], move: [], delete: [] };
  for (let i = 0; i < SAMPLES; i++) {
    const id = `${APP}-w-${tag}-${i}`;
    const day = `2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const data = JSON.stringify({
      deal_name: id,
      amount: 100 + i,
      region: i % 2 ? "west" : "east",
      close_date: day,
    });
    times.insert.push(
      await timed(
        connection,
        sql`insert into records (workspace_id, id, app_id, form_id, stage, owner_id, version, definition_version, data,
              created_at, updated_at, last_activity_at)
            values (${BENCH_WORKSPACE}, ${id}, ${APP}, ${formId}, 'proposal', ${`u${i % 50}`}, 1, 1, ${data}::jsonb, now(), now(), now())`,
      ),
    );
    times.update.push(
      await timed(
        connection,
        sql`update records set stage = 'won', data = data || ${JSON.stringify({ amount: 200 + i })}::jsonb, updated_at = now()
            where workspace_id = ${BENCH_WORKSPACE} and id = ${id}`,
      ),
    );
    times.move.push(
      await timed(
        connection,
        sql`update records set stage = 'lost', updated_at = now() where workspace_id = ${BENCH_WORKSPACE} and id = ${id}`,
        sql`update stage_log set exited_at = now() where workspace_id = ${BENCH_WORKSPACE} and record_id = ${id} and exited_at is null`,
        sql`insert into stage_log (workspace_id, app_id, form_id, record_id, stage, entered_at)
            values (${BENCH_WORKSPACE}, ${APP}, ${formId}, ${id}, 'lost', now())`,
      ),
    );
    times.delete.push(
      await timed(
        connection,
        sql`delete from records where workspace_id = ${BENCH_WORKSPACE} and id = ${id}`,
      ),
    );
  }
  return Object.fromEntries(
    Object.entries(times).map(([kind, list]) => {
      list.sort((a, b) => a - b);
      return [kind, { p50: percentile(list, 50), p99: percentile(list, 99) }];
    }),
  );
}

const database = await openBenchDatabase();
try {
  const { rows } = await sql`select form_id, cardinality(keys) as n from kpi_rollup_plans
    where workspace_id = ${BENCH_WORKSPACE} and app_id = ${APP} order by form_id`.execute(database.db);
  console.log(
    `rollups of ${APP}: ${rows.map((r) => `${r.form_id} ${r.n}`).join(", ") || "none (run pnpm bench:kpi first)"}`,
  );
  await database.db.connection().execute(async (connection) => {
    await measure(connection, "warm");
    const on = await measure(connection, "on");
    // A form no KPI reads: the triggers run but find no plan.
    const bare = await measure(connection, "bare", "scratch");
    await sql`set session_replication_role = replica`.execute(connection);
    const off = await measure(connection, "off");
    await sql`set session_replication_role = origin`.execute(connection);
    await sql`delete from stage_log where workspace_id = ${BENCH_WORKSPACE} and record_id like ${`${APP}-w-%`}`.execute(
      connection,
    );
    for (const kind of ["insert", "update", "move", "delete"]) {
      const f = (x) => x.toFixed(2);
      console.log(
        `${kind.padEnd(7)} rollups on p50 ${f(on[kind].p50)} / p99 ${f(on[kind].p99)} ms   form without rollups p50 ${f(bare[kind].p50)} / p99 ${f(bare[kind].p99)} ms   triggers off p50 ${f(off[kind].p50)} / p99 ${f(off[kind].p99)} ms`,
      );
    }
  });
} finally {
  await database.close();
}
