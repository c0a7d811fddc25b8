import {
  matchRules,
  planActions,
  type CompiledApp,
  type PlannedEffect,
  type EngineContext,
} from "@stagecraft/engine";
import type { Rule } from "@stagecraft/schemas";
import type { Transaction } from "kysely";
import { loadAppVersion } from "../apps/app-cache.js";
import { retryLostRace } from "../db/transient.js";
import type { Database } from "../db/tables.js";
import { resolveAggregates } from "../records/aggregates.js";
import { HttpProblem } from "../problem.js";
import type { Runtime } from "../runtime.js";
import { loadAllowHosts } from "./allowlist.js";
import { effectSummary, isRecordEffect, type RecordEffect } from "./effect-kind.js";
import type { RunExecutor, RunOutcome } from "./executor.js";
import type { HttpTransport } from "./http-transport.js";
import type { ClaimedRun, RunLogEntry } from "./rule-run.js";
import { loadRunRecord, type RunRecord } from "./run-record.js";
import { idleSinceMs, scheduledEvent, triggerPayload } from "./run-trigger.js";
import type { HostResolver } from "./ssrf.js";
import { deliverWebhook, redactUrl, type WebhookEffect } from "./webhook.js";
import { webhookSigningKey } from "./webhook-signature.js";

/**
 * Applies one record effect of a run inside the executor's transaction (the lead's part: write the
 * records, audit events and stage log, and enqueue the rules the changes trigger at run.depth + 1).
 * The executor has already claimed the (run, actionIndex) key in the same transaction, so this is
 * called at most once per key among committed transactions. Throw to roll the effect back: a
 * PermanentEffectError ends the run as `failed`, anything else is retried with backoff.
 */
export type ApplyRecordEffect = (
  tx: Transaction<Database>,
  run: ClaimedRun,
  effect: RecordEffect,
  actionIndex: number,
) => Promise<void>;

/** An effect that cannot succeed on retry (e.g. the data it writes fails validation): the run fails. */
export class PermanentEffectError extends Error {
  override readonly name = "PermanentEffectError";
}

/** Options of createRuleExecutor. */
export interface RuleExecutorOptions {
  /** The server secret webhook signing keys derive from (webhook-signature.ts). */
  webhookSecret: string;
  webhookTimeoutMs?: number;
  resolve?: HostResolver;
  transport?: HttpTransport;
}

/** One execution of a run: the run, this attempt's log, and the signal that stops it. */
interface Execution {
  run: ClaimedRun;
  log: RunLogEntry[];
  signal: AbortSignal;
}

/** Whether a JSON value holds an object with `key` anywhere inside. */
function holdsKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((item) => holdsKey(item, key));
  if (typeof value !== "object" || value === null) return false;
  return Object.hasOwn(value, key) || Object.values(value).some((item) => holdsKey(item, key));
}

const READS_AGGREGATES = new WeakMap<Rule, boolean>();

/** Whether a rule's condition or actions use an `aggregate` (only then are they read for its runs). */
function readsAggregates(rule: Rule): boolean {
  let reads = READS_AGGREGATES.get(rule);
  if (reads === undefined) {
    reads = holdsKey(rule, "aggregate");
    READS_AGGREGATES.set(rule, reads);
  }
  return reads;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function note(
  runtime: Runtime,
  execution: Execution,
  actionIndex: number | null,
  type: string,
  outcome: RunLogEntry["outcome"],
  summary: string,
): void {
  const { run, log } = execution;
  log.push({
    attempt: run.attempts,
    at: runtime.clock.now().toISOString(),
    actionIndex,
    type,
    outcome,
    summary,
  });
}

/**
 * The rule executor: plans the rule's actions with the engine (from `run.nextAction`), then
 * performs the effects in order. Record effects: one transaction each that claims the
 * applied_effects key (run, action index) and applies the effect; an existing key means a
 * previous attempt committed it, so it is skipped. Webhooks: delivered outside any transaction
 * with the effect's idempotency key, then keyed the same way so a retry of a later failure does
 * not call again. A wait parks the run. Scheduler-started runs re-check the rule's `when` first.
 */
export function createRuleExecutor(
  runtime: Runtime,
  applyRecordEffect: ApplyRecordEffect,
  options: RuleExecutorOptions,
): RunExecutor {
  const { db, clock } = runtime;

  /** Claim the (run, action) key; false when a previous attempt already did. */
  async function claimKey(tx: Transaction<Database>, run: ClaimedRun, actionIndex: number): Promise<boolean> {
    const inserted = await tx
      .insertInto("applied_effects")
      .values({
        workspace_id: run.workspaceId,
        run_id: run.id,
        action_index: actionIndex,
        applied_at: clock.now(),
      })
      .onConflict((oc) => oc.columns(["workspace_id", "run_id", "action_index"]).doNothing())
      .returning("action_index")
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async function applyRecord(execution: Execution, effect: RecordEffect, actionIndex: number): Promise<void> {
    // Runs of one tick writing related records at once can deadlock on Postgres: the loser's
    // transaction wrote nothing and runs again at once rather than waiting out a backoff.
    const applied = await retryLostRace(() =>
      db.transaction().execute(async (tx) => {
        if (!(await claimKey(tx, execution.run, actionIndex))) return false;
        await applyRecordEffect(tx, execution.run, effect, actionIndex);
        return true;
      }),
    );
    const summary = effectSummary(effect);
    note(
      runtime,
      execution,
      actionIndex,
      effect.type,
      applied ? "applied" : "skipped",
      applied ? summary : `${summary} (already applied)`,
    );
  }

  /** Deliver a webhook; answers the failure outcome, or undefined when delivered (or delivered before). */
  async function deliver(
    execution: Execution,
    effect: WebhookEffect,
    actionIndex: number,
  ): Promise<RunOutcome | undefined> {
    const { run, log } = execution;
    const done = await db
      .selectFrom("applied_effects")
      .select("action_index")
      .where("workspace_id", "=", run.workspaceId)
      .where("run_id", "=", run.id)
      .where("action_index", "=", actionIndex)
      .executeTakeFirst();
    const summary = effectSummary(effect);
    if (done) {
      note(runtime, execution, actionIndex, "webhook", "skipped", `${summary} (already delivered)`);
      return undefined;
    }
    const result = await deliverWebhook(effect, {
      key: webhookSigningKey(options.webhookSecret, run.workspaceId),
      now: clock.now(),
      allowHosts: await loadAllowHosts(db, run.workspaceId),
      signal: execution.signal,
      ...(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {}),
      ...(options.resolve ? { resolve: options.resolve } : {}),
      ...(options.transport ? { transport: options.transport } : {}),
    });
    if (result.ok) {
      await db.transaction().execute((tx) => claimKey(tx, run, actionIndex));
      note(runtime, execution, actionIndex, "webhook", "delivered", `${summary} → HTTP ${result.status}`);
      return undefined;
    }
    const outcome = result.retryable ? "failed" : "refused";
    note(runtime, execution, actionIndex, "webhook", outcome, `${summary}: ${result.reason}`);
    const error = `webhook ${redactUrl(effect.url)}: ${result.reason}`;
    return { kind: "failed", error, retryable: result.retryable, log };
  }

  /** Perform planned effects in order; answers how the run ends. */
  async function perform(execution: Execution, effects: readonly PlannedEffect[]): Promise<RunOutcome> {
    const { log } = execution;
    for (const effect of effects) {
      // The engine names the action of each effect: record effects apply once per (run, action index).
      const { actionIndex } = effect;
      if (execution.signal.aborted) return { kind: "failed", error: "interrupted", retryable: true, log };
      if (isRecordEffect(effect)) {
        await applyRecord(execution, effect, actionIndex);
      } else if (effect.type === "webhook") {
        const failed = await deliver(execution, effect, actionIndex);
        if (failed) return failed;
      } else {
        note(runtime, execution, actionIndex, "wait", "waiting", effectSummary(effect));
        return { kind: "waiting", nextAction: effect.resumeAt, until: new Date(effect.until), log };
      }
    }
    return { kind: "succeeded", log };
  }

  /** Why a scheduler-started run has nothing to do now, if so. */
  function stale(
    app: CompiledApp,
    execution: Execution,
    record: RunRecord | undefined,
    ctx: EngineContext,
  ): string | undefined {
    const { run } = execution;
    const since = idleSinceMs(run.trigger);
    if (since !== undefined && record !== undefined && Math.abs(record.lastActivityAt.getTime() - since) >= 1)
      return "the record had activity since it became idle";
    const event = scheduledEvent(run.trigger, run.ruleId, run.depth, record);
    if (event === undefined) return undefined;
    const matched = matchRules(app, event, ctx).rules.some((r) => r.id === run.ruleId);
    return matched ? undefined : "the rule's condition does not hold (or the rule is disabled)";
  }

  async function execute(run: ClaimedRun, signal: AbortSignal): Promise<RunOutcome> {
    const execution: Execution = { run, log: [], signal };
    const { log } = execution;
    const permanent = (error: string): RunOutcome => {
      note(runtime, execution, null, "run", "failed", error);
      return { kind: "failed", error, retryable: false, log };
    };
    let app: CompiledApp;
    try {
      app = (await loadAppVersion(runtime, run.workspaceId, run.appId, run.appVersion)).compiled;
    } catch (err) {
      if (err instanceof HttpProblem && err.status === 404)
        return permanent(`app ${run.appId} version ${run.appVersion} no longer exists`);
      throw err;
    }
    const rule = app.rules.ruleById.get(run.ruleId);
    if (rule === undefined) return permanent(`rule ${run.ruleId} is not in app version ${run.appVersion}`);
    if (run.depth >= app.cascadeDepth)
      return permanent(`cascade depth limit (${app.cascadeDepth}) reached: the rule was not run`);
    const record =
      run.recordId === null ? undefined : await loadRunRecord(db, run.workspaceId, run.appId, run.recordId);
    if (run.recordId !== null && record === undefined) {
      note(runtime, execution, null, "run", "skipped", "the record no longer exists");
      return { kind: "succeeded", log };
    }
    const now = clock.now();
    const ctx: EngineContext = { now: now.toISOString(), timeZone: app.timeZone };
    // Aggregates are read now, when the run acts: a rule sees the effects of the writes before it.
    if (record !== undefined && readsAggregates(rule.rule)) {
      const scope = { workspaceId: run.workspaceId, appId: run.appId, formId: record.state.formId };
      const aggregates = await resolveAggregates(db, scope, app, record.state, now);
      if (aggregates !== undefined) ctx.aggregates = aggregates;
    }
    const why = stale(app, execution, record, ctx);
    if (why !== undefined) {
      note(runtime, execution, null, "run", "skipped", why);
      return { kind: "succeeded", log };
    }
    const payload = triggerPayload(run.trigger);
    let plan;
    try {
      plan = planActions(app, rule, record?.state, ctx, {
        runId: run.id,
        startAt: run.nextAction,
        ...(payload !== undefined ? { payload } : {}),
      });
    } catch (err) {
      return permanent(`the rule's actions could not be planned: ${messageOf(err)}`);
    }
    try {
      return await perform(execution, plan.effects);
    } catch (err) {
      const retryable = !(err instanceof PermanentEffectError);
      const error = messageOf(err);
      note(runtime, execution, null, "run", "failed", error);
      return { kind: "failed", error, retryable, log };
    }
  }

  return { execute };
}
