import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../clock.js";
import type { Database } from "../db/tables.js";
import type { TestRuntime } from "../test-runtime.js";
import type { RunExecutor } from "./executor.js";
import { claimRuns } from "./queue.js";
import { insertRun, openAutomationLab, runRow } from "./test-automation.js";
import { Worker } from "./worker.js";

// A worker loop claims a batch of runs per poll, executes them one by one and records the
// successes of the batch in one statement. The batch must keep every guarantee of a single claim.

const MINUTE = 60_000;

describe("a worker's batches", () => {
  let rt: TestRuntime;
  let db: Kysely<Database>;
  let ws: string;
  const clock = new ManualClock("2026-11-23T09:00:00Z");

  beforeAll(async () => {
    ({ rt, db, ws } = await openAutomationLab());
  });
  afterAll(async () => {
    await rt.close();
  });
  beforeEach(async () => {
    await db.deleteFrom("rule_runs").execute();
  });

  async function insertRuns(count: number): Promise<string[]> {
    const ids: string[] = [];
    // One millisecond apart: the queue's order (run_at, then id) is the insertion order.
    for (let i = 0; i < count; i++)
      ids.push(
        await insertRun(db, ws, { ruleId: "tag", runAt: new Date(clock.now().getTime() - count + i) }),
      );
    return ids;
  }

  async function statuses(ids: readonly string[]): Promise<string[]> {
    const rows = await db
      .selectFrom("rule_runs")
      .select(["id", "status"])
      .where("id", "in", [...ids])
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row.status]));
    return ids.map((id) => byId.get(id) ?? "missing");
  }

  it("never lets two workers polling at once execute one run twice", async () => {
    const ids = await insertRuns(40);
    const executed = new Map<string, number>();
    const executor: RunExecutor = {
      execute: async (run) => {
        executed.set(run.id, (executed.get(run.id) ?? 0) + 1);
        // A round trip per run, so that the two workers' claims and executions interleave.
        await db.selectFrom("rule_runs").select("id").where("id", "=", run.id).execute();
        return { kind: "succeeded", log: [] };
      },
    };
    const workers = ["w1", "w2"].map(
      (workerId) =>
        new Worker({ db, clock }, executor, { workerId, batchSize: 6, concurrency: 2, pollIntervalMs: 5 }),
    );
    for (const worker of workers) worker.start();
    const deadline = Date.now() + 30_000;
    while ((await statuses(ids)).some((status) => status !== "succeeded") && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(workers.map((worker) => worker.stop(1000)));
    expect(await statuses(ids)).toEqual(ids.map(() => "succeeded"));
    expect([...executed.values()].every((count) => count === 1)).toBe(true);
    expect(executed.size).toBe(40);
    const rows = await db.selectFrom("rule_runs").select(["attempts", "locked_by"]).execute();
    expect(rows.every((row) => row.attempts === 1 && row.locked_by === null)).toBe(true);
  });

  it("records each run's own outcome: a run that fails or throws does not affect the others", async () => {
    const ids = await insertRuns(5);
    const [ok1, failing, throwing, waiting, ok2] = ids;
    const until = new Date(clock.now().getTime() + 30 * MINUTE);
    const executor: RunExecutor = {
      execute: (run) => {
        const log = [
          {
            attempt: run.attempts,
            at: clock.now().toISOString(),
            actionIndex: 0,
            type: "set_field",
            outcome: "applied" as const,
            summary: run.id,
          },
        ];
        if (run.id === failing)
          return Promise.resolve({ kind: "failed", error: "refused", retryable: false, log });
        if (run.id === throwing) return Promise.reject(new Error("boom"));
        if (run.id === waiting) return Promise.resolve({ kind: "waiting", nextAction: 2, until, log });
        return Promise.resolve({ kind: "succeeded", log });
      },
    };
    const worker = new Worker({ db, clock }, executor, { workerId: "w1", random: () => 0.5 });
    expect(await worker.runOnce(clock.now(), 10, 1)).toBe(5);
    expect(await statuses(ids)).toEqual(["succeeded", "failed", "queued", "queued", "succeeded"]);
    for (const id of [ok1!, ok2!]) {
      const row = await runRow(db, id);
      // Each success keeps its own log and finish time, though they were recorded together.
      expect(row.effects).toEqual([expect.objectContaining({ summary: id, outcome: "applied" })]);
      expect(row.finished_at?.getTime()).toBe(clock.now().getTime());
      expect(row).toMatchObject({ locked_by: null, locked_until: null, error: null, attempts: 1 });
    }
    expect(await runRow(db, failing!)).toMatchObject({ error: "refused", locked_by: null });
    const retried = await runRow(db, throwing!);
    expect(retried).toMatchObject({ error: "boom", attempts: 1, locked_by: null });
    expect(retried.run_at.getTime()).toBeGreaterThan(clock.now().getTime());
    const parked = await runRow(db, waiting!);
    expect(parked).toMatchObject({ next_action: 2, attempts: 0 });
    expect(parked.run_at.getTime()).toBe(until.getTime());
  });

  it("gives back the runs of a batch whose lease runs short, after recording the ones it finished", async () => {
    const ids = await insertRuns(4);
    const executed: string[] = [];
    // Each run takes 3 minutes of a 10-minute lease; a run starts only with more than the run
    // timeout (5 minutes, half the lease) left.
    const slow: RunExecutor = {
      execute: (run) => {
        executed.push(run.id);
        clock.advance(3 * MINUTE);
        return Promise.resolve({ kind: "succeeded", log: [] });
      },
    };
    const worker = new Worker({ db, clock }, slow, { workerId: "w1", leaseMs: 10 * MINUTE });
    expect(await worker.runOnce(clock.now(), 4, 1)).toBe(4);
    expect(executed).toEqual(ids.slice(0, 2));
    expect(await statuses(ids)).toEqual(["succeeded", "succeeded", "queued", "queued"]);
    for (const id of ids.slice(2)) {
      // Queued again at once, the attempt not counted: another claim takes them.
      expect(await runRow(db, id)).toMatchObject({ attempts: 0, locked_by: null, locked_until: null });
    }
    const next = new Worker({ db, clock }, slow, { workerId: "w2", leaseMs: 10 * MINUTE });
    expect(await next.runOnce(clock.now(), 1, 1)).toBe(1);
    expect(executed).toEqual(ids.slice(0, 3));
  });

  it("does not record a run whose lease another claim took over meanwhile, even of the same worker id", async () => {
    const [first, second] = await insertRuns(2);
    let takenOver: string[] = [];
    const executor: RunExecutor = {
      execute: async (run) => {
        if (run.id === first) {
          // The run outlives its lease: a claim after the lease (here by the same worker id, as
          // another loop of the same process would) takes over both runs of the batch.
          clock.advance(11 * MINUTE);
          takenOver = (await claimRuns(db, "w1", clock.now(), 10, 10 * MINUTE)).map((r) => r.id);
        }
        return { kind: "succeeded", log: [] };
      },
    };
    const worker = new Worker({ db, clock }, executor, { workerId: "w1", leaseMs: 10 * MINUTE });
    expect(await worker.runOnce(clock.now(), 2, 1)).toBe(2);
    expect(takenOver).toEqual([first, second]);
    // Neither the completion of the first nor the give-back of the second touched the new claim.
    for (const id of [first!, second!]) {
      const row = await runRow(db, id);
      expect(row).toMatchObject({ status: "running", locked_by: "w1", attempts: 2 });
      expect(row.locked_until?.getTime()).toBe(clock.now().getTime() + 10 * MINUTE);
    }
  });

  it("gives back the runs of its batch it has not started when it stops", async () => {
    const ids = await insertRuns(3);
    let release: () => void = () => undefined;
    const started: string[] = [];
    const executor: RunExecutor = {
      execute: (run) => {
        started.push(run.id);
        return new Promise((resolve) => {
          release = () => {
            resolve({ kind: "succeeded", log: [] });
          };
        });
      },
    };
    const worker = new Worker({ db, clock }, executor, { workerId: "w1", batchSize: 3, pollIntervalMs: 5 });
    worker.start();
    while (started.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopped = worker.stop(5000);
    release();
    await stopped;
    expect(started).toEqual(ids.slice(0, 1));
    expect(await statuses(ids)).toEqual(["succeeded", "queued", "queued"]);
    for (const id of ids.slice(1))
      expect(await runRow(db, id)).toMatchObject({ attempts: 0, locked_by: null });
  });
});
