import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, createRecord } from "./harness/app.js";
import { login } from "./harness/client.js";
import { execute, freshDatabase, query, serverUrl } from "./harness/postgres.js";
import {
  eventually,
  startApi,
  startWorker,
  type ApiProcess,
  type RuntimeProcess,
} from "./harness/processes.js";

// Case 3 (and issue 3's "N API instances and M workers against one Postgres"): three API processes
// started at once on an empty database (migrations and the first admin race), two worker
// processes, records created through all three APIs. Every record is stored once, every rule run
// runs once, and the scheduler (ticking in both workers) starts one run per fire time.

const server = serverUrl();
const PER_API = 15;
const MINUTE_MS = 60_000;
const t = (en: string) => ({ zh: en, en });

describe.skipIf(server === undefined)("three APIs and two workers on one database", () => {
  let db = "";
  let apis: ApiProcess[] = [];
  const workers: RuntimeProcess[] = [];

  beforeAll(async () => {
    db = await freshDatabase(server ?? "");
    apis = await Promise.all([startApi(db), startApi(db), startApi(db)]);
  });
  afterAll(async () => {
    await Promise.all([...workers, ...apis].map((proc) => proc.stop()));
  });

  it("stores every record once, runs every rule run once and fires each schedule tick once", async () => {
    const [first] = apis;
    if (first === undefined) throw new Error("no API");
    const token = await login(first.base);
    const appId = await createApp(first.base, token, [
      {
        id: "tag",
        trigger: { type: "record.created", form: "deal" },
        actions: [
          { type: "set_field", field: "note", value: "tagged" },
          { type: "set_field", field: "label", value: { cat: [{ var: "name" }, "!"] } },
        ],
      },
      {
        id: "minutely",
        trigger: { type: "schedule", cron: "* * * * *", timeZone: "Asia/Shanghai" },
        actions: [{ type: "notify", to: [{ type: "role", role: "admin" }], title: t("Tick") }],
      },
    ]);
    // The scheduler last ticked 5 minutes ago: the workers' first tick catches up 5 fire times.
    await execute(
      db,
      `insert into scheduler_ticks (name, last_tick) values ('rules', now() - interval '5 minutes')
       on conflict (name) do update set last_tick = excluded.last_tick`,
    );
    const [{ since } = { since: "" }] = await query<{ since: string }>(
      db,
      `select last_tick as since from scheduler_ticks where name = 'rules'`,
    );
    workers.push(...(await Promise.all([startWorker(db), startWorker(db)])));

    const created = await Promise.all(
      apis.flatMap((api, a) =>
        Array.from({ length: PER_API }, (_, i) => createRecord(api.base, token, appId, `deal ${a}-${i}`)),
      ),
    );
    expect(new Set(created).size).toBe(3 * PER_API);

    await eventually(
      async () => {
        const [row] = await query<{ open: number; done: number }>(
          db,
          `select count(*) filter (where status <> 'succeeded')::int as open,
                  count(*) filter (where rule_id = 'tag' and status = 'succeeded')::int as done
             from rule_runs`,
        );
        return row?.open === 0 && row.done === created.length;
      },
      "every run to succeed",
      60_000,
    );

    const stored = await query<{ id: string; version: number; note: string; label: string; name: string }>(
      db,
      `select id, version, data ->> 'note' as note, data ->> 'label' as label, data ->> 'name' as name
         from records order by id`,
    );
    expect(stored.map((r) => r.id)).toEqual([...created].sort());
    for (const record of stored)
      expect(record).toMatchObject({ version: 3, note: "tagged", label: `${record.name}!` });

    const runs = await query<{ record_id: string; attempts: number; keys: number; changes: number }>(
      db,
      `select r.record_id, r.attempts,
              (select count(*) from applied_effects k where k.run_id = r.id)::int as keys,
              (select count(*) from record_events e where e.run_id = r.id)::int as changes
         from rule_runs r where r.rule_id = 'tag' order by r.record_id`,
    );
    expect(runs.map((r) => r.record_id)).toEqual([...created].sort());
    for (const run of runs) expect(run).toMatchObject({ attempts: 1, keys: 2, changes: 2 });

    // One snapshot: the scheduler's last tick and the runs it started up to then.
    const [schedule] = await query<{ last: string; fires: { at: string; n: number; notes: number }[] }>(
      db,
      `select (select last_tick from scheduler_ticks where name = 'rules') as last,
              (select coalesce(json_agg(f order by f.at), '[]') from (
                 select (r.trigger ->> 'at')::timestamptz as at, count(*)::int as n,
                        sum((select count(*) from notifications n where n.run_id = r.id))::int as notes
                   from rule_runs r where r.rule_id = 'minutely' group by 1) f) as fires`,
    );
    if (schedule === undefined) throw new Error("no scheduler state");
    const from = Date.parse(since);
    const until = Date.parse(schedule.last);
    const expected: number[] = [];
    for (let at = Math.floor(from / MINUTE_MS) * MINUTE_MS + MINUTE_MS; at <= until; at += MINUTE_MS)
      expected.push(at);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(schedule.fires.map((f) => Date.parse(f.at))).toEqual(expected);
    for (const fire of schedule.fires) expect(fire).toMatchObject({ n: 1, notes: 1 });
  });
});
