import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowLoopback, createApp, recordsPath } from "./harness/app.js";
import { login, send } from "./harness/client.js";
import { freshDatabase, query, serverUrl } from "./harness/postgres.js";
import {
  eventually,
  startApi,
  startWorker,
  type ApiProcess,
  type RuntimeProcess,
} from "./harness/processes.js";
import { startWebhookServer, type WebhookServer } from "./harness/webhook-server.js";

// Case 6: SIGTERM to an API process (with its in-process worker) while clients create records and
// its worker runs slow rules. Every request it accepted gets its answer (a 201 whose record is
// stored, or a clean 503 while closing); after that it refuses connections, never resets one. It
// exits by itself; the runs it had not finished are queued, and a new worker runs each once.

const server = serverUrl();
const CLIENTS = 4;
const WEBHOOK_DELAY_MS = 20;
// Each client's pause between requests: load, yet a backlog the new worker clears in seconds.
const PAUSE_MS = 30;

interface Outcome {
  name: string;
  status?: number;
  error?: string;
}

function errorCode(err: unknown): string {
  if (err instanceof Error && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.message : String(err);
}

describe.skipIf(server === undefined)("SIGTERM during load", () => {
  let db = "";
  let api: ApiProcess | undefined;
  let worker: RuntimeProcess | undefined;
  let receiver: WebhookServer | undefined;

  beforeAll(async () => {
    db = await freshDatabase(server ?? "");
    receiver = await startWebhookServer((_delivery, response) => {
      setTimeout(() => {
        response.statusCode = 204;
        response.end();
      }, WEBHOOK_DELAY_MS);
    });
    api = await startApi(db, { workers: 1 });
  });
  afterAll(async () => {
    await Promise.all([worker?.stop(), api?.stop()]);
    await receiver?.close();
  });

  it("answers what it accepted, exits, and loses no run", async () => {
    if (api === undefined || receiver === undefined) throw new Error("set-up failed");
    const { base } = api;
    const token = await login(base);
    await allowLoopback(base, token);
    const appId = await createApp(base, token, [
      {
        id: "slow",
        trigger: { type: "record.created", form: "deal" },
        actions: [
          { type: "webhook", url: receiver.url, body: { var: "name" } },
          { type: "set_field", field: "note", value: "done" },
        ],
      },
    ]);

    const outcomes: Outcome[] = [];
    const client = async (c: number): Promise<void> => {
      for (let i = 0; ; i++) {
        const name = `load ${c}-${i}`;
        try {
          const answer = await send(base, "POST", recordsPath(appId), { token, body: { data: { name } } });
          outcomes.push({ name, status: answer.status });
        } catch (err) {
          outcomes.push({ name, error: errorCode(err) });
          if (errorCode(err) === "ECONNREFUSED") return;
        }
        await sleep(PAUSE_MS);
      }
    };
    const clients = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    await eventually(() => Promise.resolve(receiver?.deliveries.length !== 0), "the first delivery");
    await sleep(300);
    const signalled = Date.now();
    api.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    const exitMs = Date.now() - signalled;
    await clients;

    const created = outcomes.filter((o) => o.status === 201).map((o) => o.name);
    expect(created.length).toBeGreaterThan(10);
    // Nothing but 201, a 503 while closing, refused connections once it stopped listening, and
    // resets of connections the process never read a request from (checked below: not stored).
    const reset = outcomes.filter((o) => o.error === "ECONNRESET").map((o) => o.name);
    const unexpected = outcomes.filter(
      (o) =>
        !(o.status === 201 || o.status === 503 || o.error === "ECONNREFUSED" || o.error === "ECONNRESET"),
    );
    expect(unexpected).toEqual([]);
    // The database holds exactly the records answered 201: no accepted request lost its answer.
    const stored = await query<{ name: string }>(
      db,
      `select data ->> 'name' as name from records order by 1`,
    );
    expect(stored.map((r) => r.name)).toEqual([...created].sort());
    for (const name of reset) expect(stored.map((r) => r.name)).not.toContain(name);
    console.log(`SIGTERM: ${created.length} created, ${reset.length} reset unread, exit after ${exitMs} ms`);

    // The stopped process left no run behind as running; some were still queued.
    const left = await query<{ status: string; n: number }>(
      db,
      `select status, count(*)::int as n from rule_runs group by status order by status`,
    );
    expect(left.map((r) => r.status)).not.toContain("running");
    expect(left.find((r) => r.status === "queued")?.n ?? 0).toBeGreaterThan(0);

    worker = await startWorker(db);
    await eventually(
      async () => {
        const rows = await query<{ n: number }>(
          db,
          `select count(*)::int as n from rule_runs where status <> 'succeeded'`,
        );
        return rows[0]?.n === 0;
      },
      "every run to succeed on the new worker",
      60_000,
    );
    const runs = await query<{ record_id: string; keys: number; version: number; note: string }>(
      db,
      `select r.record_id, rec.version, rec.data ->> 'note' as note,
              (select count(*) from applied_effects k where k.run_id = r.id)::int as keys
         from rule_runs r join records rec on rec.id = r.record_id order by r.record_id`,
    );
    expect(runs).toHaveLength(created.length);
    expect(new Set(runs.map((r) => r.record_id)).size).toBe(created.length);
    for (const run of runs) expect(run).toMatchObject({ keys: 2, version: 2, note: "done" });
    const webhookIds = new Set(receiver.deliveries.map((d) => d.headers["webhook-id"]));
    expect(webhookIds.size).toBe(created.length);
  });
});
