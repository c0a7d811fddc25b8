// Seed the KPI benchmark's data into the Postgres of DATABASE_URL: one app per size of
// kpi-fixtures.mjs (10k, 100k, 1M deals), each deal with its stage log, and person goal rows.
// Everything is generated in SQL with generate_series; an app already seeded at its size is kept.
// Usage: DATABASE_URL=postgres://… node tests/bench/seed-kpi.mjs  (after building runtime-api)
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../../runtime-api/dist/db/database.js";
import { BENCH_WORKSPACE, OWNERS, SCALES, benchDefinition } from "./kpi-fixtures.mjs";

// Kysely as the runtime resolves it (the tests package does not depend on it directly).
const runtimeRequire = createRequire(new URL("../../runtime-api/package.json", import.meta.url));
export const { sql } = await import(pathToFileURL(runtimeRequire.resolve("kysely")).href);

/** Open the benchmark database (migrations applied). */
export async function openBenchDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("set DATABASE_URL to a Postgres the benchmark may fill (about 1.5 GB for 1M deals)");
  return openDatabase({ url });
}

async function seedApp(db, appId, records) {
  const have =
    await sql`select count(*)::int as n from records where workspace_id = ${BENCH_WORKSPACE} and app_id = ${appId} and form_id = 'deal'`.execute(
      db,
    );
  if (have.rows[0].n === records) return false;
  await sql`delete from apps where workspace_id = ${BENCH_WORKSPACE} and id = ${appId}`.execute(db);
  await sql`delete from stage_log where workspace_id = ${BENCH_WORKSPACE} and app_id = ${appId}`.execute(db);
  const definition = JSON.stringify(benchDefinition());
  await sql`insert into apps (workspace_id, id, name, version) values (${BENCH_WORKSPACE}, ${appId}, ${JSON.stringify({ zh: appId, en: appId })}::jsonb, 1)`.execute(
    db,
  );
  await sql`insert into app_versions (workspace_id, app_id, version, definition) values (${BENCH_WORKSPACE}, ${appId}, 1, ${definition}::jsonb)`.execute(
    db,
  );
  // Deal g: created evenly over 2025–2026 (Shanghai); 60 % won, 20 % lost, 10 % in proposal, 10 % lead.
  // Proposal entered after g % 20 days, the terminal stage after 20 + g % 40 days (its close date).
  await sql`
    insert into records (workspace_id, id, app_id, form_id, stage, owner_id, version, definition_version, data,
                         created_at, updated_at, stage_entered_at, closed_at, last_activity_at)
    select ${BENCH_WORKSPACE}, ${appId} || '-' || g, ${appId}, 'deal', s.stage, 'u' || (g % ${OWNERS}), 1, 1,
           jsonb_build_object(
             'deal_name', 'Deal ' || g,
             'amount', 100 + (g * 37) % 10000,
             'region', case when g % 2 = 0 then 'east' else 'west' end,
             'close_date', to_char((c.created + (20 + g % 40) * interval '1 day') at time zone 'Asia/Shanghai', 'YYYY-MM-DD')),
           c.created, c.created, c.created, case when s.stage in ('won', 'lost') then c.created + (20 + g % 40) * interval '1 day' end,
           c.created
    from generate_series(1, ${records}::int) g
    cross join lateral (select timestamptz '2025-01-01 00:00+08' + (g::float8 / ${records}) * interval '730 days' as created) c
    cross join lateral (select case when g % 10 < 6 then 'won' when g % 10 < 8 then 'lost'
                                    when g % 10 = 8 then 'proposal' else 'lead' end as stage) s`.execute(db);
  await sql`
    insert into stage_log (workspace_id, app_id, form_id, record_id, stage, entered_at, exited_at)
    select r.workspace_id, r.app_id, r.form_id, r.id, v.stage, v.entered, v.exited
    from records r
    cross join lateral (select (substring(r.id from '[0-9]+$'))::int as g) n
    cross join lateral (values
      ('lead', r.created_at, case when r.stage <> 'lead' then r.created_at + (n.g % 20) * interval '1 day' end, true),
      ('proposal', r.created_at + (n.g % 20) * interval '1 day', r.closed_at, r.stage <> 'lead'),
      (r.stage, r.closed_at, null::timestamptz, r.stage in ('won', 'lost'))
    ) v(stage, entered, exited, present)
    where r.workspace_id = ${BENCH_WORKSPACE} and r.app_id = ${appId} and r.form_id = 'deal' and v.present`.execute(
    db,
  );
  // One person goal row per owner and month of 2025–2026.
  await sql`
    insert into records (workspace_id, id, app_id, form_id, owner_id, version, definition_version, data,
                         created_at, updated_at, last_activity_at)
    select ${BENCH_WORKSPACE}, ${appId} || '-t-' || o || '-' || m, ${appId}, 'target', null, 1, 1,
           jsonb_build_object('rep', 'u' || o, 'kind', 'person', 'amount', 100000,
             'start', to_char(date '2025-01-01' + m * interval '1 month', 'YYYY-MM-DD'),
             'end', to_char(date '2025-01-01' + (m + 1) * interval '1 month' - interval '1 day', 'YYYY-MM-DD')),
           now(), now(), now()
    from generate_series(0, ${OWNERS - 1}::int) o, generate_series(0, 23) m`.execute(db);
  return true;
}

/** Seed every size that is not there yet, then refresh the planner's statistics. */
export async function seedKpiBench(db, log = console.log) {
  await sql`insert into workspaces (id, name) values (${BENCH_WORKSPACE}, 'KPI bench') on conflict (id) do nothing`.execute(
    db,
  );
  for (const { appId, records } of SCALES) {
    const started = Date.now();
    const seeded = await seedApp(db, appId, records);
    log(
      `${appId}: ${seeded ? `seeded ${records} deals in ${((Date.now() - started) / 1000).toFixed(1)} s` : "already seeded"}`,
    );
  }
  await sql`analyze records`.execute(db);
  await sql`analyze stage_log`.execute(db);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const database = await openBenchDatabase();
  try {
    await seedKpiBench(database.db);
  } finally {
    await database.close();
  }
}
