import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, recordsPath } from "./harness/app.js";
import { login, send } from "./harness/client.js";
import { freshDatabase, query, serverUrl, startOwnServer, type OwnServer } from "./harness/postgres.js";
import { eventually, startApi, type ApiProcess } from "./harness/processes.js";

// Case 2: the Postgres server stops (pg_ctl -m fast: connections are cut) and starts again while
// clients create records. Meanwhile the API answers 503 with Retry-After; it recovers by itself;
// every record a client got a 201 for is stored, and the worker runs every record's rule once.
// The server is the test's own (started with scripts/start-postgres.sh), never the shared one.

const server = serverUrl();
const CLIENTS = 4;
const PAUSE_MS = 20;

interface Outcome {
  at: number;
  status?: number;
  id?: string;
  retryAfter?: string;
  error?: string;
}

describe.skipIf(server === undefined)("Postgres restarted under load", () => {
  let own: OwnServer | undefined;
  let api: ApiProcess | undefined;
  let db = "";

  beforeAll(async () => {
    own = await startOwnServer();
    db = await freshDatabase(own.url);
    api = await startApi(db, { workers: 1 });
  });
  afterAll(async () => {
    await api?.stop();
    await own?.destroy();
  });

  it("answers 503 with Retry-After while down, recovers by itself and keeps every 201", async () => {
    if (api === undefined || own === undefined) throw new Error("set-up failed");
    const { base } = api;
    const token = await login(base);
    const appId = await createApp(base, token, [
      {
        id: "tag",
        trigger: { type: "record.created", form: "deal" },
        actions: [{ type: "set_field", field: "note", value: "tagged" }],
      },
    ]);

    const outcomes: Outcome[] = [];
    let loading = true;
    const client = async (c: number): Promise<void> => {
      for (let i = 0; loading; i++) {
        const at = Date.now();
        try {
          const answer = await send(base, "POST", recordsPath(appId), {
            token,
            body: { data: { name: `load ${c}-${i}` } },
          });
          const retryAfter = answer.headers["retry-after"];
          outcomes.push({
            at,
            status: answer.status,
            ...(answer.status === 201 ? { id: String((answer.body as { id: unknown }).id) } : {}),
            ...(typeof retryAfter === "string" ? { retryAfter } : {}),
          });
        } catch (err) {
          outcomes.push({ at, error: err instanceof Error ? err.message : String(err) });
        }
        await sleep(PAUSE_MS);
      }
    };
    const clients = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    await sleep(1000);

    await own.stop();
    const down = Date.now();
    await eventually(
      () => Promise.resolve(outcomes.filter((o) => o.at > down && o.status === 503).length >= 5),
      "503 answers while the database is down",
    );
    const health = await send(base, "GET", "/api/health");
    expect(health.status).toBe(503);
    expect(health.headers["retry-after"]).toMatch(/^\d+$/);

    await own.start();
    const up = Date.now();
    await eventually(async () => (await send(base, "GET", "/api/health")).status === 200, "recovery");
    await eventually(
      () => Promise.resolve(outcomes.filter((o) => o.at > up && o.status === 201).length >= 10),
      "201 answers after the restart",
    );
    loading = false;
    await clients;

    // The API process itself never went away: every request got an answer, 201 or 503 + Retry-After.
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 503)).toEqual([]);
    for (const o of outcomes.filter((x) => x.status === 503)) expect(o.retryAfter).toMatch(/^\d+$/);
    expect(api.child.exitCode).toBeNull();

    const created = outcomes.flatMap((o) => (o.id !== undefined ? [o.id] : []));
    const stored = await query<{ id: string }>(db, `select id from records order by id`);
    const storedIds = new Set(stored.map((r) => r.id));
    expect(created.filter((id) => !storedIds.has(id))).toEqual([]);

    // Automation rode through the outage too: one succeeded run per stored record, without waiting
    // out a lease (a worker that could not write an outcome while Postgres was down writes it after).
    await eventually(
      async () => {
        const rows = await query<{ n: number }>(
          db,
          `select count(*)::int as n from rule_runs where status = 'succeeded'`,
        );
        return rows[0]?.n === stored.length;
      },
      "every record's run to succeed",
      60_000,
    );
    const runs = await query<{ record_id: string; keys: number }>(
      db,
      `select record_id, (select count(*) from applied_effects k where k.run_id = r.id)::int as keys
         from rule_runs r order by record_id`,
    );
    expect(runs.map((r) => r.record_id)).toEqual(stored.map((r) => r.id));
    for (const run of runs) expect(run.keys).toBe(1);
    console.log(
      `Postgres restart: ${created.length} created, ${outcomes.filter((o) => o.status === 503).length} × 503, ` +
        `${stored.length - created.length} stored without a 201`,
    );
  });
});
