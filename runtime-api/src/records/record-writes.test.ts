import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../runtime.js";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { createRecord } from "./create-record.js";
import { deleteRecord } from "./delete-record.js";
import { recordHistory } from "./history.js";
import type { RecordScope } from "./record-scope.js";
import { serialKey } from "./serials.js";
import { dealDefinition, installApp, whoIs } from "./test-records.js";
import { transitionRecord } from "./transition-record.js";
import { updateRecord } from "./update-record.js";

// The service as the automation worker and public links call it: actors other than users,
// cascade depth, joining an open transaction, and all-or-nothing writes.
describe("record writes", () => {
  let rt: TestRuntime;
  let runtime: Runtime;
  let scope: RecordScope;
  let userId: string;
  const rule = { type: "rule", runId: "run-1", ruleId: "on_created" } as const;

  const counts = async () => {
    const db = rt.database.db;
    const count = async (table: "records" | "record_events" | "stage_log" | "rule_runs") =>
      Number((await db.selectFrom(table).select(db.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const counter = await db
      .selectFrom("counters")
      .select("value")
      .where("key", "=", serialKey(scope, "deal_no"))
      .executeTakeFirst();
    return {
      records: await count("records"),
      events: await count("record_events"),
      stageLog: await count("stage_log"),
      runs: await count("rule_runs"),
      serial: Number(counter?.value ?? 0),
    };
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    runtime = rt.app.runtime;
    const me = await whoIs(rt, rt.ownerToken);
    userId = me.id;
    scope = {
      workspaceId: me.workspaceId,
      appId: await installApp(rt.database.db, me.workspaceId, dealDefinition()),
      formId: "deal",
    };
  });
  afterAll(async () => {
    await rt.close();
  });

  it("records a rule's writes under its run, with the cascade depth it is given", async () => {
    const record = await createRecord(runtime, scope, rule, { title: "By rule", amount: 1 }, { depth: 1 });
    expect(record.ownerId).toBeNull();
    const runs = await rt.database.db
      .selectFrom("rule_runs")
      .selectAll()
      .where("record_id", "=", record.id)
      .execute();
    expect(runs.map((r) => r.depth)).toEqual([1, 1]);
    const updated = await updateRecord(runtime, scope, rule, record.id, { amount: 2 }, { depth: 2 });
    expect(updated).toMatchObject({ changed: true, record: { version: 2 } });
    const history = await recordHistory(runtime, scope, record.id);
    expect(history.map((h) => [h.kind, h.actor, h.runId])).toEqual([
      ["created", { type: "rule", id: "on_created" }, "run-1"],
      ["updated", { type: "rule", id: "on_created" }, "run-1"],
    ]);
  });

  it("queues nothing once the cascade depth limit is reached", async () => {
    const before = await counts();
    const record = await createRecord(
      runtime,
      scope,
      rule,
      { title: "Deep", amount: 1 },
      { depth: 5, ownerId: userId },
    );
    expect(record.ownerId).toBe(userId);
    expect((await counts()).runs).toBe(before.runs);
  });

  it("keeps share tokens out of the audit trail of public submissions", async () => {
    const record = await createRecord(
      runtime,
      scope,
      { type: "public", shareToken: "secret-token" },
      {
        title: "Anonymous",
        amount: 1,
      },
    );
    expect(record.ownerId).toBeNull();
    const events = await rt.database.db
      .selectFrom("record_events")
      .selectAll()
      .where("record_id", "=", record.id)
      .execute();
    expect(events).toMatchObject([{ actor_type: "public", actor_id: null }]);
    expect(JSON.stringify(events)).not.toContain("secret-token");
  });

  it("joins the caller's transaction: rolled back with it", async () => {
    const before = await counts();
    await expect(
      rt.database.db.transaction().execute(async (tx) => {
        const inTx: Runtime = { ...runtime, db: tx };
        const record = await createRecord(inTx, scope, rule, { title: "Undone", amount: 1 });
        await updateRecord(inTx, scope, rule, record.id, { amount: 3 });
        await transitionRecord(inTx, scope, rule, record.id, "lost").catch(() => undefined);
        throw new Error("the worker's transaction fails");
      }),
    ).rejects.toThrow("the worker's transaction fails");
    expect(await counts()).toEqual(before);
  });

  it("writes nothing of a create when its audit event cannot be written (serial number included)", async () => {
    const before = await counts();
    await sql`alter table record_events add constraint no_created check (kind <> 'created') not valid`.execute(
      rt.database.db,
    );
    try {
      await expect(createRecord(runtime, scope, rule, { title: "Doomed", amount: 1 })).rejects.toThrow();
    } finally {
      await sql`alter table record_events drop constraint no_created`.execute(rt.database.db);
    }
    expect(await counts()).toEqual(before);
  });

  it("writes nothing of a change or a move when its rule runs cannot be queued", async () => {
    const record = await createRecord(runtime, scope, { type: "user", userId }, { title: "Kept", amount: 1 });
    const before = await counts();
    await sql`alter table rule_runs add constraint no_runs check (rule_id not in ('on_amount', 'on_left_lead')) not valid`.execute(
      rt.database.db,
    );
    try {
      await expect(
        updateRecord(runtime, scope, rule, record.id, { amount: 9 }, { expectedVersion: 1 }),
      ).rejects.toThrow();
      await expect(
        transitionRecord(runtime, scope, rule, record.id, "lost", { expectedVersion: 1 }),
      ).rejects.toMatchObject({ status: 422 });
      await updateRecord(runtime, scope, rule, record.id, { loss_reason: "price" }, { expectedVersion: 1 });
      const mid = await counts();
      await expect(
        transitionRecord(runtime, scope, rule, record.id, "lost", { expectedVersion: 2 }),
      ).rejects.toThrow();
      expect(await counts()).toEqual(mid);
    } finally {
      await sql`alter table rule_runs drop constraint no_runs`.execute(rt.database.db);
    }
    const stored = await rt.database.db
      .selectFrom("records")
      .select(["version", "stage", "data"])
      .where("id", "=", record.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ version: 2, stage: "lead", data: { amount: 1, loss_reason: "price" } });
    expect((await counts()).events).toBe(before.events + 1);
  });

  it("applies concurrent writes made without a version to the latest state, one after another", async () => {
    // Rule actions carry no If-Match: on Postgres they run at once on separate connections, and
    // each must wait for the other instead of failing the version check against its write.
    const record = await createRecord(runtime, scope, { type: "user", userId }, { title: "Busy", amount: 1 });
    const amounts = [11, 12, 13, 14, 15, 16];
    const results = await Promise.allSettled(
      amounts.map((amount) =>
        updateRecord(runtime, scope, rule, record.id, { amount, loss_reason: "price" }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    await transitionRecord(runtime, scope, rule, record.id, "lost");
    const stored = await rt.database.db
      .selectFrom("records")
      .select(["version", "stage", "data"])
      .where("id", "=", record.id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(1 + amounts.length + 1);
    expect(amounts).toContain(stored.data["amount"]);
    const history = await recordHistory(runtime, scope, record.id);
    expect(history.filter((event) => event.kind === "updated")).toHaveLength(amounts.length);
  });

  it("deletes under a rule, and refuses a member someone else's record", async () => {
    const record = await createRecord(runtime, scope, { type: "user", userId }, { title: "Gone", amount: 1 });
    await expect(
      deleteRecord(runtime, scope, rule, record.id, { ownedBy: "someone-else" }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await deleteRecord(runtime, scope, rule, record.id);
    const history = await recordHistory(runtime, scope, record.id);
    expect(history.at(-1)).toMatchObject({ kind: "deleted", fromStage: "lead", actor: { type: "rule" } });
  });
});
