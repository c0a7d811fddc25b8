import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../db/tables.js";
import type { TestRuntime } from "../test-runtime.js";
import {
  BASE_BACKOFF_MS,
  MAX_BACKOFF_MS,
  backoffMs,
  claimRuns,
  completeRun,
  failRun,
  releaseRun,
  retryRun,
} from "./queue.js";
import { insertRun, openAutomationLab, runRow } from "./test-automation.js";

const MINUTE = 60_000;

describe("the rule run queue", () => {
  let rt: TestRuntime;
  let db: Kysely<Database>;
  let ws: string;
  beforeAll(async () => {
    ({ rt, db, ws } = await openAutomationLab());
  });
  afterAll(async () => {
    await rt.close();
  });
  beforeEach(async () => {
    await db.deleteFrom("rule_runs").execute();
  });

  it("claims due runs with a lease, and completes them once", async () => {
    const now = rt.clock.now();
    const due = await insertRun(db, ws, { ruleId: "tag", runAt: now });
    await insertRun(db, ws, { ruleId: "tag", runAt: new Date(now.getTime() + MINUTE) });
    const claimed = await claimRuns(db, "w1", now, 10, MINUTE);
    expect(claimed.map((r) => r.id)).toEqual([due]);
    const [run] = claimed;
    expect(run).toMatchObject({ status: "running", attempts: 1, lockedBy: "w1" });
    expect(run!.lockedUntil.getTime()).toBe(now.getTime() + MINUTE);
    expect(run!.startedAt?.getTime()).toBe(now.getTime());
    // Claimed and leased: nobody else gets it.
    expect(await claimRuns(db, "w2", now, 10)).toEqual([]);

    expect(await completeRun(db, run!, [{ type: "set_field" }], now)).toBe(true);
    const row = await runRow(db, due);
    expect(row).toMatchObject({
      status: "succeeded",
      locked_by: null,
      locked_until: null,
      effects: [{ type: "set_field" }],
    });
    expect(row.finished_at?.getTime()).toBe(now.getTime());
    // The lease is gone: a second completion is refused.
    expect(await completeRun(db, run!, [], now)).toBe(false);
  });

  it("backs off exponentially with jitter, up to a cap", () => {
    expect(backoffMs(1, () => 0)).toBe(BASE_BACKOFF_MS / 2);
    expect(backoffMs(1, () => 0.999999)).toBe(BASE_BACKOFF_MS);
    expect(backoffMs(3, () => 0.5)).toBe((4 * BASE_BACKOFF_MS * 3) / 4);
    expect(backoffMs(40, () => 1)).toBe(MAX_BACKOFF_MS);
  });

  it("retries a failed attempt after the backoff, then declares the run dead", async () => {
    const start = rt.clock.now();
    const id = await insertRun(db, ws, { ruleId: "tag", runAt: start, maxAttempts: 3 });
    let now = start;
    for (const attempt of [1, 2]) {
      const [run] = await claimRuns(db, "w1", now, 1);
      expect(run?.attempts).toBe(attempt);
      expect(await failRun(db, run!, `boom ${attempt}`, now, { random: () => 0.5, effectsLog: [] })).toBe(
        "queued",
      );
      const row = await runRow(db, id);
      const delay = backoffMs(attempt, () => 0.5);
      expect(row).toMatchObject({ status: "queued", error: `boom ${attempt}`, locked_by: null });
      expect(row.run_at.getTime()).toBe(now.getTime() + delay);
      // Not due before the backoff has passed.
      expect(await claimRuns(db, "w1", new Date(now.getTime() + delay - 1), 1)).toEqual([]);
      now = new Date(now.getTime() + delay);
    }
    const [last] = await claimRuns(db, "w1", now, 1);
    expect(last?.attempts).toBe(3);
    expect(await failRun(db, last!, "boom 3", now, { random: () => 0.5, effectsLog: ["log"] })).toBe("dead");
    const dead = await runRow(db, id);
    expect(dead).toMatchObject({ status: "dead", error: "boom 3", attempts: 3, effects: ["log"] });
    expect(dead.finished_at?.getTime()).toBe(now.getTime());
    expect(await claimRuns(db, "w1", new Date(now.getTime() + 365 * 86_400_000), 1)).toEqual([]);
  });

  it("fails a run at once when retrying cannot help", async () => {
    const now = rt.clock.now();
    const id = await insertRun(db, ws, { ruleId: "tag", runAt: now });
    const [run] = await claimRuns(db, "w1", now, 1);
    expect(
      await failRun(db, run!, "no such rule", now, { retryable: false, random: () => 0, effectsLog: [] }),
    ).toBe("failed");
    expect(await runRow(db, id)).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("retries failed and dead runs by hand, nothing else", async () => {
    const now = rt.clock.now();
    const id = await insertRun(db, ws, { ruleId: "tag", runAt: now, maxAttempts: 1 });
    const [run] = await claimRuns(db, "w1", now, 1);
    await failRun(db, run!, "boom", now, { random: () => 0, effectsLog: [] });
    expect((await runRow(db, id)).status).toBe("dead");

    const later = new Date(now.getTime() + MINUTE);
    const retried = await retryRun(db, ws, "deals", id, later);
    expect(retried).toMatchObject({
      ok: true,
      run: { status: "queued", attempts: 0, error: null, finishedAt: null },
    });
    expect((await runRow(db, id)).run_at.getTime()).toBe(later.getTime());
    expect(await retryRun(db, ws, "deals", id, later)).toEqual({
      ok: false,
      reason: "not_retryable",
      status: "queued",
    });
    expect(await retryRun(db, ws, "other-app", id, later)).toEqual({ ok: false, reason: "not_found" });
    expect(await retryRun(db, "other-workspace", "deals", id, later)).toEqual({
      ok: false,
      reason: "not_found",
    });
    const [again] = await claimRuns(db, "w1", later, 1);
    expect(again).toMatchObject({ id, attempts: 1 });
  });

  it("never gives one run to two claimers", async () => {
    const now = rt.clock.now();
    const ids = new Set<string>();
    for (let i = 0; i < 12; i++) ids.add(await insertRun(db, ws, { ruleId: "tag", runAt: now }));
    // Concurrent claims (real concurrency on Postgres, interleaved on PGlite).
    const batches = await Promise.all(["a", "b", "c"].map((worker) => claimRuns(db, worker, now, 5)));
    const claimed = batches.flat();
    expect(claimed).toHaveLength(12);
    expect(new Set(claimed.map((r) => r.id))).toEqual(ids);
    for (const [i, worker] of ["a", "b", "c"].entries()) {
      for (const run of batches[i]!) expect((await runRow(db, run.id)).locked_by).toBe(worker);
    }
    expect(await claimRuns(db, "d", now, 5)).toEqual([]);
  });

  it.runIf(process.env["TEST_DATABASE"] === "postgres")(
    "skips a run another transaction holds locked instead of waiting for it",
    async () => {
      const now = rt.clock.now();
      const held = await insertRun(db, ws, { ruleId: "tag", runAt: now });
      const free = await insertRun(db, ws, { ruleId: "tag", runAt: new Date(now.getTime() + 1) });
      const later = new Date(now.getTime() + 1000);
      await db.transaction().execute(async (tx) => {
        await tx.selectFrom("rule_runs").select("id").where("id", "=", held).forUpdate().execute();
        const claimed = await claimRuns(db, "w2", later, 10);
        expect(claimed.map((r) => r.id)).toEqual([free]);
      });
    },
  );

  it("takes over a run whose worker died once its lease has passed", async () => {
    const now = rt.clock.now();
    const id = await insertRun(db, ws, { ruleId: "tag", runAt: now });
    const [first] = await claimRuns(db, "dead-worker", now, 1, MINUTE);
    expect(await claimRuns(db, "w2", new Date(now.getTime() + MINUTE - 1), 1)).toEqual([]);
    const [second] = await claimRuns(db, "w2", new Date(now.getTime() + MINUTE), 1, MINUTE);
    expect(second).toMatchObject({ id, attempts: 2, lockedBy: "w2" });
    expect(second!.startedAt?.getTime()).toBe(now.getTime());
    // The first worker lost its lease: its late writes are refused.
    expect(await completeRun(db, first!, [], now)).toBe(false);
    expect(await failRun(db, first!, "late", now, { random: () => 0, effectsLog: [] })).toBeUndefined();
    expect(await releaseRun(db, first!)).toBe(false);
    expect(await completeRun(db, second!, [], now)).toBe(true);
  });

  it("releases a run without counting the attempt", async () => {
    const now = rt.clock.now();
    const id = await insertRun(db, ws, { ruleId: "tag", runAt: now });
    const [run] = await claimRuns(db, "w1", now, 1);
    expect(await releaseRun(db, run!)).toBe(true);
    expect(await runRow(db, id)).toMatchObject({
      status: "queued",
      attempts: 0,
      locked_by: null,
      locked_until: null,
    });
  });
});
