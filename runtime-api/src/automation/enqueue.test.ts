import { compileApp, type CompiledApp, type RecordEvent, type RecordState } from "@stagecraft/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dealDefinition, installApp, whoIs } from "../records/test-records.js";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { enqueueRuleRuns } from "./enqueue.js";

describe("enqueueRuleRuns (the transactional outbox)", () => {
  let rt: TestRuntime;
  let compiled: CompiledApp;
  let workspaceId: string;
  let appId: string;
  const now = new Date("2026-11-23T09:00:00.000Z");
  const ctx = { now: now.toISOString(), timeZone: "UTC" };
  const record = (id: string, data: Record<string, unknown> = { amount: 5 }): RecordState => ({
    id,
    formId: "deal",
    stage: "lead",
    data,
  });
  const input = (events: RecordEvent[]) => ({
    workspaceId,
    appId,
    appVersion: 3,
    compiled,
    events,
    ctx,
    now,
  });
  const runsOf = (recordId: string) =>
    rt.database.db
      .selectFrom("rule_runs")
      .selectAll()
      .where("record_id", "=", recordId)
      .orderBy("rule_id")
      .execute();

  beforeAll(async () => {
    rt = await startTestRuntime();
    workspaceId = (await whoIs(rt, rt.ownerToken)).workspaceId;
    appId = await installApp(rt.database.db, workspaceId, dealDefinition());
    const result = compileApp(dealDefinition());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    compiled = result.app;
  });
  afterAll(async () => {
    await rt.close();
  });

  it("queues one run per rule each event starts, the event as its trigger", async () => {
    const state = record("r1");
    const result = await enqueueRuleRuns(
      rt.database.db,
      input([
        { type: "record.created", formId: "deal", record: state, depth: 0 },
        { type: "stage.entered", formId: "deal", record: state, depth: 0, stage: "lead" },
      ]),
    );
    expect(result.runIds).toHaveLength(2);
    expect(result.cascadeLimited).toBe(false);
    const runs = await runsOf("r1");
    expect(runs.map((r) => r.id).sort()).toEqual([...result.runIds].sort());
    expect(runs).toMatchObject([
      { rule_id: "on_created", status: "queued", depth: 0, app_version: 3, attempts: 0, effects: [] },
      { rule_id: "on_entered", status: "queued", depth: 0, app_version: 3, attempts: 0, effects: [] },
    ]);
    expect(runs[0]!.run_at).toEqual(now);
    expect(runs[0]!.trigger).toEqual({ type: "record.created", formId: "deal", record: state, depth: 0 });
  });

  it("matches field.changed rules and their conditions on record.updated", async () => {
    const updated = (id: string, amount: number, changed: string[]): RecordEvent => ({
      type: "record.updated",
      formId: "deal",
      record: record(id, { amount }),
      depth: 1,
      changed,
      previous: { amount: 1 },
    });
    await enqueueRuleRuns(rt.database.db, input([updated("r2", 2_000_000, ["amount"])]));
    expect((await runsOf("r2")).map((r) => [r.rule_id, r.depth])).toEqual([
      ["on_amount", 1],
      ["on_big_amount", 1],
    ]);
    await enqueueRuleRuns(rt.database.db, input([updated("r3", 2, ["amount"])]));
    expect((await runsOf("r3")).map((r) => r.rule_id)).toEqual(["on_amount"]);
    const none = await enqueueRuleRuns(rt.database.db, input([updated("r4", 2, ["title"])]));
    expect(none).toEqual({ runIds: [], cascadeLimited: false });
  });

  it("starts nothing at the cascade depth limit, and says so", async () => {
    const result = await enqueueRuleRuns(
      rt.database.db,
      input([{ type: "record.created", formId: "deal", record: record("r5"), depth: compiled.cascadeDepth }]),
    );
    expect(result).toEqual({ runIds: [], cascadeLimited: true });
    expect(await runsOf("r5")).toEqual([]);
  });

  it("commits or rolls back with the caller's transaction", async () => {
    await expect(
      rt.database.db.transaction().execute(async (tx) => {
        await enqueueRuleRuns(
          tx,
          input([{ type: "record.created", formId: "deal", record: record("r6"), depth: 0 }]),
        );
        expect(
          await tx.selectFrom("rule_runs").select("id").where("record_id", "=", "r6").execute(),
        ).toHaveLength(1);
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await runsOf("r6")).toEqual([]);
  });
});
