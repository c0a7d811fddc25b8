import { sql, type Kysely } from "kysely";
import { fireApprovalDeadlines } from "../approvals/approval-deadlines.js";
import { fireStageSlas, slaApps } from "../approvals/stage-slas.js";
import { publishedAppsWhere, type WorkspaceApp } from "../apps/published-apps-where.js";
import type { Database } from "../db/tables.js";
import type { Runtime } from "../runtime.js";
import { startDateOffsetRuns, startIdleRuns, startScheduleRuns } from "./scheduled-runs.js";

// One scheduler for every instance: each tick runs in a transaction that first takes a
// transaction-level advisory lock (released at commit); an instance that does not get it skips
// the tick. The tick reads the last tick time from scheduler_ticks, starts the runs due in
// (last tick, now] and moves the last tick forward in the same transaction, so a crash mid-tick
// rolls everything back and the next tick covers the same window again. Missed time (the server
// was down) is caught up when it returns, at most MAX_CATCH_UP_MS of it.

/** The advisory lock key of the scheduler ("SCHD" in ASCII). */
export const SCHEDULER_LOCK_KEY = 0x53434844;
/** How far back a tick looks after a gap (the server was down). */
export const MAX_CATCH_UP_MS = 7 * 86_400_000;
/** The scheduler_ticks row of rule triggers. */
const TICK_NAME = "rules";

/** What one tick did. */
export interface TickResult {
  /** False when another instance held the tick. */
  ran: boolean;
  /** The window covered, when it ran. */
  from?: Date;
  until?: Date;
  started: number;
  /** Approval due times and stage SLA steps handled (they fire on state, whatever the window). */
  deadlines?: number;
  /** Apps skipped because their version failed to load (a bug to report, not a reason to stop). */
  errors: { appId: string; error: string }[];
}

/** Current versions of apps that have schedule, idle or date-offset rules (a jsonb containment filter). */
async function scheduledApps(runtime: Runtime, errors: TickResult["errors"]): Promise<WorkspaceApp[]> {
  return publishedAppsWhere(
    runtime,
    (definition) =>
      sql<boolean>`(${definition} -> 'rules') @> any (array[
        '[{"trigger":{"type":"schedule"}}]',
        '[{"trigger":{"type":"record.idle"}}]',
        '[{"trigger":{"type":"date.offset"}}]']::jsonb[])`,
    errors,
  );
}

/** The last tick's time, or undefined before the first tick. */
async function lastTick(db: Kysely<Database>): Promise<Date | undefined> {
  const row = await db
    .selectFrom("scheduler_ticks")
    .select("last_tick")
    .where("name", "=", TICK_NAME)
    .executeTakeFirst();
  return row?.last_tick;
}

/**
 * One scheduler tick at `now`, safe to run on every instance at once: schedule rules fire once
 * per fire time, idle rules once per record and idle period, date-offset rules once per record
 * and date. The first tick ever starts the clock (nothing before it fires). Approval due times and
 * stage SLAs that have passed fire in the same transaction.
 */
export async function schedulerTick(
  runtime: Runtime,
  now: Date,
  options: { maxCatchUpMs?: number } = {},
): Promise<TickResult> {
  const errors: TickResult["errors"] = [];
  // Compiled outside the transaction: PGlite serves one connection, which the transaction holds.
  const apps = await scheduledApps(runtime, errors);
  const withSlas = await slaApps(runtime, errors);
  return runtime.db.transaction().execute(async (tx) => {
    const lock = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(${SCHEDULER_LOCK_KEY}::bigint) as locked`.execute(tx);
    if (lock.rows[0]?.locked !== true) return { ran: false, started: 0, errors };
    const last = await lastTick(tx);
    const earliest = new Date(now.getTime() - (options.maxCatchUpMs ?? MAX_CATCH_UP_MS));
    const from = last === undefined ? now : last < earliest ? earliest : last;
    let started = 0;
    if (from < now) {
      for (const app of apps) {
        started += await startScheduleRuns(tx, app, from, now);
        started += await startIdleRuns(tx, app, now);
        started += await startDateOffsetRuns(tx, app, from, now);
      }
    }
    const bound = { ...runtime, db: tx };
    let deadlines = await fireApprovalDeadlines(bound, now, errors);
    for (const app of withSlas) deadlines += await fireStageSlas(bound, app, now);
    await tx
      .insertInto("scheduler_ticks")
      .values({ name: TICK_NAME, last_tick: now })
      .onConflict((oc) =>
        oc.column("name").doUpdateSet({ last_tick: now }).where("scheduler_ticks.last_tick", "<", now),
      )
      .execute();
    return { ran: true, from, until: now, started, deadlines, errors };
  });
}

/** A running scheduler loop. */
export interface RunningScheduler {
  stop(): Promise<void>;
}

/** Tick every `intervalMs` (first tick at once) until stopped; errors go to `onError`, the loop goes on. */
export function startScheduler(
  runtime: Runtime,
  intervalMs = 30_000,
  onError: (err: unknown) => void = (err) => {
    console.error("automation scheduler:", err);
  },
): RunningScheduler {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = (): void => {
    current = schedulerTick(runtime, runtime.clock.now())
      .then((result) => {
        for (const error of result.errors) onError(new Error(`app ${error.appId}: ${error.error}`));
      }, onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
