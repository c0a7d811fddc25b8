import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowLoopback, createApp, createRecord } from "./harness/app.js";
import { login } from "./harness/client.js";
import { execute, freshDatabase, query, serverUrl } from "./harness/postgres.js";
import {
  eventually,
  startApi,
  startWorker,
  type ApiProcess,
  type RuntimeProcess,
} from "./harness/processes.js";
import { startWebhookServer, type WebhookServer } from "./harness/webhook-server.js";

// Case 5: a run whose webhook always answers 500 is retried with exponential backoff (10 s, 20 s,
// 40 s, 80 s with equal jitter) and ends `dead` after its 5 attempts, while other runs keep
// completing. The backoff is not waited out: each time the run is parked, the test checks its
// run_at against the backoff bounds, then moves run_at to now in the database.

const server = serverUrl();
const MAX_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 10_000;
// Clock reads of the test and the worker are ms apart; allow for the polls in between.
const SLACK_MS = 1500;

interface PoisonRow {
  id: string;
  status: string;
  attempts: number;
  error: string | null;
  wait_ms: number;
}

describe.skipIf(server === undefined)("a poison run", () => {
  let db = "";
  let api: ApiProcess | undefined;
  let worker: RuntimeProcess | undefined;
  let failing: WebhookServer | undefined;

  beforeAll(async () => {
    db = await freshDatabase(server ?? "");
    failing = await startWebhookServer((_delivery, response) => {
      response.statusCode = 500;
      response.end("broken");
    });
    api = await startApi(db);
  });
  afterAll(async () => {
    await Promise.all([worker?.stop(), api?.stop()]);
    await failing?.close();
  });

  it("is retried with backoff, then dead, while other runs complete", async () => {
    if (api === undefined || failing === undefined) throw new Error("set-up failed");
    const { base } = api;
    const token = await login(base);
    await allowLoopback(base, token);
    const appId = await createApp(base, token, [
      {
        id: "poison",
        trigger: { type: "record.created", form: "deal" },
        when: { "==": [{ var: "name" }, "poison"] },
        actions: [{ type: "webhook", url: failing.url, body: { var: "name" } }],
      },
      {
        id: "tag",
        trigger: { type: "record.created", form: "deal" },
        actions: [{ type: "set_field", field: "note", value: "tagged" }],
      },
    ]);
    worker = await startWorker(db);
    await createRecord(base, token, appId, "poison");
    const poison = `select id, status, attempts, error,
        (extract(epoch from run_at - now()) * 1000)::int as wait_ms
        from rule_runs where rule_id = 'poison'`;
    const others: string[] = [];
    let nudgedAt = Date.now();

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      let row: PoisonRow | undefined;
      await eventually(async () => {
        [row] = await query<PoisonRow>(db, poison);
        return row !== undefined && row.attempts === attempt && row.status !== "running";
      }, `attempt ${attempt} of the poison run to fail`);
      if (row === undefined) throw new Error("no poison run");
      expect(row.error).toContain("500");
      if (attempt === MAX_ATTEMPTS) {
        expect(row.status).toBe("dead");
        break;
      }
      expect(row.status).toBe("queued");
      const backoff = BASE_BACKOFF_MS * 2 ** (attempt - 1);
      const waitedSinceNudge = Date.now() - nudgedAt;
      expect(row.wait_ms).toBeLessThanOrEqual(backoff + SLACK_MS);
      expect(row.wait_ms + waitedSinceNudge).toBeGreaterThanOrEqual(backoff / 2 - SLACK_MS);

      // While the poison run waits out its backoff, other runs go through.
      const id = await createRecord(base, token, appId, `healthy ${attempt}`);
      others.push(id);
      await eventually(async () => {
        const rows = await query<{ status: string }>(
          db,
          `select status from rule_runs where record_id = '${id}'`,
        );
        return rows.length === 1 && rows[0]?.status === "succeeded";
      }, `the run of healthy record ${attempt}`);
      const [still] = await query<PoisonRow>(db, poison);
      expect(still).toMatchObject({ status: "queued", attempts: attempt });

      nudgedAt = Date.now();
      await execute(db, `update rule_runs set run_at = now() where rule_id = 'poison'`);
    }

    const [dead] = await query<PoisonRow>(db, poison);
    expect(dead).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS });
    const deliveries = failing.deliveries.map((d) => d.headers["webhook-id"]);
    expect(deliveries).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(deliveries).size).toBe(1);
    const keys = await query<{ n: number }>(
      db,
      `select count(*)::int as n from applied_effects where run_id = '${dead?.id ?? ""}'`,
    );
    expect(keys).toEqual([{ n: 0 }]);
    // Every other run (the tag rule on every record, the poison one's included) succeeded once.
    const tagged = await query<{ status: string; attempts: number; n: number }>(
      db,
      `select status, attempts, count(*)::int as n from rule_runs where rule_id = 'tag'
        group by status, attempts order by status, attempts`,
    );
    expect(tagged).toEqual([{ status: "succeeded", attempts: 1, n: others.length + 1 }]);
  });
});
