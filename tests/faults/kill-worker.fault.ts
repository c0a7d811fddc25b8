import type { ServerResponse } from "node:http";
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

// Case 1: a worker process is killed (SIGKILL) while a rule run waits on its webhook action. Once
// the run's lease has passed, a new worker takes it over and finishes it exactly once: the record
// effect before the webhook is not applied again, the webhook is delivered again with the same
// webhook-id, the effect after it is applied once.

const server = serverUrl();

interface RunRow {
  id: string;
  status: string;
  attempts: number;
  locked_by: string | null;
}

describe.skipIf(server === undefined)("a worker killed in the middle of a run", () => {
  let db = "";
  let api: ApiProcess | undefined;
  const workers: RuntimeProcess[] = [];
  let receiver: WebhookServer | undefined;
  // While true the receiver holds every delivery open (the run stays inside its webhook action).
  let holding = true;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    db = await freshDatabase(server ?? "");
    receiver = await startWebhookServer((_delivery, response) => {
      if (holding) {
        held.push(response);
        return;
      }
      response.statusCode = 200;
      response.end("ok");
    });
    api = await startApi(db);
  });
  afterAll(async () => {
    await Promise.all([...workers.map((w) => w.stop()), api?.stop()]);
    await receiver?.close();
  });

  it("finishes the run once after a new worker takes it over", async () => {
    if (api === undefined || receiver === undefined) throw new Error("set-up failed");
    const token = await login(api.base);
    await allowLoopback(api.base, token);
    const appId = await createApp(api.base, token, [
      {
        id: "slow",
        trigger: { type: "record.created", form: "deal" },
        actions: [
          { type: "set_field", field: "note", value: "before" },
          { type: "webhook", url: receiver.url, body: { var: "name" } },
          { type: "set_field", field: "label", value: "after" },
        ],
      },
    ]);
    const first = await startWorker(db);
    workers.push(first);
    const recordId = await createRecord(api.base, token, appId, "Killed mid-run");

    await eventually(() => Promise.resolve(receiver?.deliveries.length === 1), "the first delivery");
    const [running] = await query<RunRow>(
      db,
      `select id, status, attempts, locked_by from rule_runs where record_id = '${recordId}'`,
    );
    expect(running).toMatchObject({ status: "running", attempts: 1 });
    expect(running?.locked_by).toContain(`:${String(first.child.pid)}:`);
    first.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    for (const response of held) response.destroy();
    holding = false;

    // The lease (5 minutes) passes: moved forward in the database rather than waited out.
    await execute(db, `update rule_runs set locked_until = now() where id = '${running?.id ?? ""}'`);
    workers.push(await startWorker(db));
    await eventually(async () => {
      const rows = await query<RunRow>(db, `select status from rule_runs where record_id = '${recordId}'`);
      return rows[0]?.status === "succeeded";
    }, "the run to succeed on the new worker");

    const runs = await query<RunRow>(
      db,
      `select id, status, attempts, locked_by from rule_runs where record_id = '${recordId}'`,
    );
    expect(runs).toEqual([{ id: running?.id, status: "succeeded", attempts: 2, locked_by: null }]);
    const keys = await query<{ action_index: number }>(
      db,
      `select action_index from applied_effects where run_id = '${running?.id ?? ""}' order by action_index`,
    );
    expect(keys).toEqual([{ action_index: 0 }, { action_index: 1 }, { action_index: 2 }]);
    // Each record effect changed the record once: one audit event each, two version bumps.
    const events = await query<{ field: string }>(
      db,
      `select c ->> 'field' as field from record_events, jsonb_array_elements(changes) c
        where run_id = '${running?.id ?? ""}' order by field`,
    );
    expect(events).toEqual([{ field: "label" }, { field: "note" }]);
    const [record] = await query<{ version: number; note: string; label: string }>(
      db,
      `select version, data ->> 'note' as note, data ->> 'label' as label from records where id = '${recordId}'`,
    );
    expect(record).toEqual({ version: 3, note: "before", label: "after" });

    const ids = receiver.deliveries.map((d) => d.headers["webhook-id"]);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toEqual(expect.any(String));
  });
});
