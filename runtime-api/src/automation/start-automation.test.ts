import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUNS_QUEUED_CHANNEL } from "@stagecraft/migrations";
import { startTestRuntime, type TestRuntime, defaultWorkspaceId } from "../test-runtime.js";
import { startAutomation } from "./start-automation.js";
import {
  countingApply,
  insertApp,
  insertRecord,
  insertRun,
  runRow,
  testDefinition,
} from "./test-automation.js";

describe("startAutomation", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it("runs workers and the scheduler until stopped", async () => {
    const db = rt.database.db;
    const ws = await defaultWorkspaceId(db);
    await insertApp(db, ws, testDefinition());
    const recordId = await insertRecord(db, ws, { lastActivityAt: rt.clock.now().toISOString() });
    const runId = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
    const { apply, calls } = countingApply();
    const errors: unknown[] = [];
    const automation = startAutomation(rt.app.runtime, {
      workers: 2,
      applyRecordEffect: apply,
      webhookSecret: "secret",
      pollIntervalMs: 10,
      schedulerIntervalMs: 10,
      onError: (err) => errors.push(err),
    });
    expect(automation.workers).toHaveLength(2);
    for (let i = 0; i < 300 && (await runRow(db, runId)).status !== "succeeded"; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await automation.stop(1000);
    expect((await runRow(db, runId)).status).toBe("succeeded");
    expect(calls.map((c) => c.actionIndex)).toEqual([0, 1]);
    expect(await db.selectFrom("scheduler_ticks").select("name").execute()).toEqual([{ name: "rules" }]);
    expect(errors).toEqual([]);
  });

  it("wakes idle workers when a commit queues runs, long before their next poll", async () => {
    const db = rt.database.db;
    const ws = await defaultWorkspaceId(db);
    const recordId = await insertRecord(db, ws, { lastActivityAt: rt.clock.now().toISOString() });
    const { apply, calls } = countingApply();
    const errors: unknown[] = [];
    const automation = startAutomation(rt.app.runtime, {
      workers: 1,
      applyRecordEffect: apply,
      webhookSecret: "secret",
      // Polling alone would take a minute: only the notification can start the run in time.
      pollIntervalMs: 60_000,
      scheduler: false,
      wakeOn: (wake) => rt.database.listen(RUNS_QUEUED_CHANNEL, wake),
      onError: (err) => errors.push(err),
    });
    try {
      // Let the worker's first poll find nothing and go to sleep.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const runId = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
      for (let i = 0; i < 500 && (await runRow(db, runId)).status !== "succeeded"; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await runRow(db, runId)).status).toBe("succeeded");
      expect(calls.map((c) => c.actionIndex)).toEqual([0, 1]);
    } finally {
      await automation.stop(1000);
    }
    expect(errors).toEqual([]);
  });
});
