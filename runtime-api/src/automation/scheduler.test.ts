import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../db/tables.js";
import type { Runtime } from "../runtime.js";
import type { TestRuntime } from "../test-runtime.js";
import { createRuleExecutor } from "./rule-executor.js";
import { SCHEDULER_LOCK_KEY, schedulerTick, startScheduler } from "./scheduler.js";
import { countingApply, insertRecord, openAutomationLab } from "./test-automation.js";
import { Worker } from "./worker.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("the scheduler", () => {
  let rt: TestRuntime;
  let runtime: Runtime;
  let db: Kysely<Database>;
  let ws: string;

  beforeAll(async () => {
    // 08:30 in Shanghai: the `daily` rule fires at 09:00 there (01:00 UTC).
    ({ rt, db, ws } = await openAutomationLab("2026-11-23T00:30:00.000Z"));
    runtime = rt.app.runtime;
  });
  afterAll(async () => {
    await rt.close();
  });
  beforeEach(async () => {
    await db.deleteFrom("rule_runs").execute();
    await db.deleteFrom("scheduler_ticks").execute();
    await db.deleteFrom("records").execute();
    rt.clock.set("2026-11-23T00:30:00.000Z");
  });

  async function runsOf(ruleId: string) {
    return db
      .selectFrom("rule_runs")
      .selectAll()
      .where("rule_id", "=", ruleId)
      .orderBy("run_at")
      .orderBy("record_id")
      .execute();
  }

  async function tick() {
    return schedulerTick(runtime, rt.clock.now());
  }

  it("fires a cron rule once per fire time, even when ticks run concurrently", async () => {
    expect(await tick()).toMatchObject({ ran: true, started: 0 });
    rt.clock.set("2026-11-23T01:05:00.000Z");
    const [a, b] = await Promise.all([tick(), tick()]);
    expect(a.started + b.started).toBe(1);
    const runs = await runsOf("daily");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: "queued",
      record_id: null,
      trigger: { type: "schedule", at: "2026-11-23T01:00:00.000Z" },
    });
    expect(runs[0]!.run_at.toISOString()).toBe("2026-11-23T01:00:00.000Z");
    expect(await tick()).toMatchObject({ ran: true, started: 0 });

    // A tick replayed over the same window (its commit was lost) starts nothing twice.
    await db.updateTable("scheduler_ticks").set({ last_tick: "2026-11-23T00:30:00.000Z" }).execute();
    expect(await tick()).toMatchObject({ ran: true, started: 0 });
    expect(await runsOf("daily")).toHaveLength(1);
  });

  it("catches up the fire times it missed while down, at most seven days of them", async () => {
    await tick();
    rt.clock.set("2026-11-26T02:00:00.000Z");
    expect(await tick()).toMatchObject({ started: 4 });
    expect((await runsOf("daily")).map((r) => r.run_at.toISOString())).toEqual([
      "2026-11-23T01:00:00.000Z",
      "2026-11-24T01:00:00.000Z",
      "2026-11-25T01:00:00.000Z",
      "2026-11-26T01:00:00.000Z",
    ]);
    rt.clock.advance(30 * DAY);
    const result = await tick();
    expect(result.started).toBe(7);
    expect(result.from?.toISOString()).toBe("2026-12-19T02:00:00.000Z");
  });

  it("does not tick while another instance holds the lock", async () => {
    await tick();
    rt.clock.set("2026-11-23T01:05:00.000Z");
    if (rt.database.kind === "postgres") {
      await db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(${SCHEDULER_LOCK_KEY}::bigint)`.execute(tx);
        expect(await tick()).toMatchObject({ ran: false, started: 0 });
      });
    }
    expect(await tick()).toMatchObject({ ran: true, started: 1 });
  });

  it("fires a form-bound schedule rule once per matching record and fire time", async () => {
    await tick();
    const open = await insertRecord(db, ws, { data: { name: "open" } });
    const skipped = await insertRecord(db, ws, { data: { name: "skip me" } });
    await insertRecord(db, ws, { data: { name: "won" }, stage: "won", closedAt: "2026-11-20T00:00:00.000Z" });
    rt.clock.set("2026-11-23T01:05:00.000Z");
    await Promise.all([tick(), tick()]);
    const runs = await runsOf("open_daily");
    expect(runs.map((r) => r.record_id).sort()).toEqual([open, skipped].sort());
    expect(runs[0]).toMatchObject({ trigger: { type: "schedule", at: "2026-11-23T01:00:00.000Z" } });
    // The rule's condition is checked against each record when the run executes.
    const worker = new Worker(
      runtime,
      createRuleExecutor(runtime, countingApply().apply, { webhookSecret: "s" }),
    );
    await worker.runOnce(rt.clock.now(), 10);
    const ran = await runsOf("open_daily");
    const outcomes = (recordId: string) =>
      (ran.find((r) => r.record_id === recordId)?.effects as { type: string; outcome: string }[]).map(
        (e) => `${e.type}:${e.outcome}`,
      );
    expect(outcomes(skipped)).toEqual(["run:skipped"]);
    expect(outcomes(open)).not.toContain("run:skipped");
    rt.clock.set("2026-11-24T01:05:00.000Z");
    await tick();
    expect(await runsOf("open_daily")).toHaveLength(4);
  });

  it("fires an idle rule once per record and idle period", async () => {
    await tick();
    const now = rt.clock.now().getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    const idle = await insertRecord(db, ws, { lastActivityAt: iso(now - 10 * DAY) });
    await insertRecord(db, ws, { lastActivityAt: iso(now - 2 * DAY) });
    await insertRecord(db, ws, {
      lastActivityAt: iso(now - 10 * DAY),
      stage: "won",
      closedAt: iso(now - 9 * DAY),
    });
    rt.clock.advance(60_000);
    await Promise.all([tick(), tick()]);
    rt.clock.advance(60_000);
    await tick();
    let runs = await runsOf("stale");
    expect(runs.map((r) => r.record_id)).toEqual([idle]);
    expect(runs[0]!.trigger).toEqual({ type: "record.idle", days: 7, lastActivityMs: now - 10 * DAY });

    // New activity starts a new idle period: seven days later it fires again.
    await db
      .updateTable("records")
      .set({ last_activity_at: iso(now) })
      .where("id", "=", idle)
      .execute();
    rt.clock.advance(6 * DAY);
    await tick();
    const ofIdle = async () => (await runsOf("stale")).filter((r) => r.record_id === idle);
    expect(await ofIdle()).toHaveLength(1);
    rt.clock.advance(DAY);
    await tick();
    runs = await ofIdle();
    expect(runs).toHaveLength(2);
    expect(runs[1]!.trigger).toMatchObject({ lastActivityMs: now });
  });

  it("fires a date-offset rule once per record on the day, re-checking its condition when run", async () => {
    await tick();
    // Today in Shanghai is 2026-11-23: the rule fires for close dates 30 days ahead.
    const lastActivityAt = rt.clock.now().toISOString();
    const due = await insertRecord(db, ws, {
      data: { name: "Acme", close_date: "2026-12-23" },
      lastActivityAt,
    });
    const skipped = await insertRecord(db, ws, {
      data: { name: "skip me", close_date: "2026-12-23" },
      lastActivityAt,
    });
    await insertRecord(db, ws, { data: { name: "Other", close_date: "2026-12-24" }, lastActivityAt });
    rt.clock.advance(60_000);
    await Promise.all([tick(), tick()]);
    rt.clock.advance(HOUR);
    await tick();
    const runs = await runsOf("renewal");
    expect(runs.map((r) => r.record_id).sort()).toEqual([due, skipped].sort());
    expect(runs[0]!.trigger).toEqual({
      type: "date.offset",
      field: "close_date",
      days: -30,
      date: "2026-12-23",
    });

    // The next day, the other record's turn.
    rt.clock.advance(DAY);
    await tick();
    expect(await runsOf("renewal")).toHaveLength(3);

    const { apply, calls } = countingApply();
    const worker = new Worker(runtime, createRuleExecutor(runtime, apply, { webhookSecret: "s" }));
    // The records are open deals, so the form-bound daily rule has runs too.
    await worker.runOnce(rt.clock.now(), 20);
    const done = await runsOf("renewal");
    expect(done.map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const renewalIds = new Set(done.map((r) => r.id));
    expect(calls.filter((c) => renewalIds.has(c.runId)).map((c) => c.type)).toEqual(["notify", "notify"]);
    const skippedRun = done.find((r) => r.record_id === skipped);
    expect(JSON.stringify(skippedRun?.effects)).toContain("condition does not hold");
  });

  it("runs a tick loop until stopped", async () => {
    const errors: unknown[] = [];
    const loop = startScheduler(runtime, 10, (err) => errors.push(err));
    for (let i = 0; i < 100; i++) {
      const row = await db.selectFrom("scheduler_ticks").select("last_tick").executeTakeFirst();
      if (row) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await loop.stop();
    expect(errors).toEqual([]);
    expect(await db.selectFrom("scheduler_ticks").select("name").execute()).toEqual([{ name: "rules" }]);
  });
});
