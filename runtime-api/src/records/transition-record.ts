import { transition, type Effect } from "@stagecraft/engine";
import { assertNoPendingApproval } from "../approvals/pending-approval.js";
import { requestApproval } from "../approvals/request-approval.js";
import { enqueueRuleRuns } from "../automation/enqueue.js";
import { json } from "../db/sql-json.js";
import { HttpProblem } from "../problem.js";
import type { Runtime } from "../runtime.js";
import { actorUserId, type Actor } from "./actor.js";
import { insertAuditEvent } from "./audit.js";
import { checkedUpdate } from "./checked-update.js";
import { engineContext } from "./engine-context.js";
import { findRecord } from "./find-record.js";
import { loadScopedForm, type RecordScope } from "./record-scope.js";
import { recordState, recordView, type RecordView } from "./record-view.js";
import { reverseStageEffects } from "./reverse-effects.js";
import { staleVersion } from "./record-version.js";
import { logStageEntry, logStageExit } from "./stage-log.js";
import { recomputeFormulas } from "./recompute-formulas.js";
import { inTransaction } from "./transaction.js";
import { refreshDependents } from "./refresh-dependents.js";
import { problemItems } from "./validation-problem.js";

/** Options of transitionRecord. */
export interface TransitionRecordOptions {
  /** The version the move was based on (If-Match): 409 when the record is at another one. */
  expectedVersion?: number;
  /** The approvals the move needs were granted: move without asking again. */
  approved?: boolean;
  /** Cascade depth of the events the move emits: 0 for a person, the run's depth + 1 for a rule. */
  depth?: number;
}

/** transitionRecord's answer: moved (the record after the move), or waiting for the approval it created. */
export type TransitionRecordResult =
  | { status: "moved"; record: RecordView }
  | { status: "approval_required"; approvalId: string; effects: Effect[] };

/**
 * Move a record to another stage of its pipeline. When the engine allows the move, one
 * transaction writes the stage (version + 1, checked atomically), closes the stage log entry of
 * the stage left and opens the one entered, undoes the increments rules made because the record
 * entered the stage it leaves, appends a `transitioned` audit event and queues the rule runs of
 * stage.left and stage.entered; formulas that read the stage are recomputed with it. When the
 * move needs an approval, the approval is created instead and the record stays where it is.
 * 404 when the record is not in the scope, 409 on a stale version or while an approval of the
 * record is pending, 422 naming every unmet condition.
 */
export async function transitionRecord(
  runtime: Runtime,
  scope: RecordScope,
  actor: Actor,
  recordId: string,
  to: string,
  options: TransitionRecordOptions = {},
): Promise<TransitionRecordResult> {
  const { app, form } = await loadScopedForm(runtime, scope);
  const now = runtime.clock.now();
  const ctx = engineContext(app.compiled, actor, now);
  return inTransaction(runtime.db, async (tx): Promise<TransitionRecordResult> => {
    // An approved move is the pending approval completing: it was marked decided just before.
    if (options.approved !== true) await assertNoPendingApproval(tx, scope, recordId);
    const expected = options.expectedVersion;
    const row = await findRecord(tx, scope, recordId, expected === undefined);
    if (expected !== undefined && row.version !== expected) throw staleVersion(row.version, expected);
    const result = transition(app.compiled, recordState(row), to, ctx, {
      depth: options.depth ?? 0,
      ...(options.approved !== undefined ? { approved: options.approved } : {}),
    });
    if (result.status === "refused") {
      const count = result.unmet.length;
      throw new HttpProblem(
        422,
        `the record cannot move to "${to}": ${count} condition${count === 1 ? " is" : "s are"} not met`,
        problemItems(result.unmet),
      );
    }
    if (result.status === "approval_required") {
      const site = { runtime: { ...runtime, db: tx }, tx, app, actor, now, depth: options.depth ?? 0 };
      const requests = result.effects.flatMap((effect) =>
        effect.type === "request_approval" ? [effect] : [],
      );
      const approvalId = await requestApproval(site, row, requests);
      return { status: "approval_required", approvalId, effects: result.effects };
    }
    const { next } = result;
    const by = actorUserId(actor) ?? null;
    // Formulas that read the stage (or its times) are current at once.
    const recomputed = await recomputeFormulas(tx, scope, app, form, actor, next, row.data, now);
    const { data, changes } = recomputed ?? { data: row.data, changes: [] };
    const updated = await checkedUpdate(tx, scope, row, {
      ...(changes.length > 0 ? { data: json(data), definition_version: app.version } : {}),
      stage: next.stage ?? null,
      stage_entered_at: now,
      closed_at: next.closedAt ?? null,
      updated_by: by,
      updated_at: now,
      last_activity_at: now,
    });
    if (row.stage !== null) {
      await logStageExit(tx, scope, { recordId, at: now, by });
      await reverseStageEffects(runtime, tx, scope, actor, recordId, row.stage, (options.depth ?? 0) + 1);
    }
    await logStageEntry(tx, scope, { recordId, stage: to, at: now, by });
    await refreshDependents(
      { tx, workspaceId: scope.workspaceId, appId: scope.appId, app, actor, now },
      scope.formId,
      recordState(row),
      recordState(updated),
    );
    await insertAuditEvent(tx, scope, {
      recordId,
      kind: "transitioned",
      changes,
      fromStage: row.stage,
      toStage: to,
      actor,
      at: now,
    });
    await enqueueRuleRuns(tx, {
      workspaceId: scope.workspaceId,
      appId: scope.appId,
      appVersion: app.version,
      compiled: app.compiled,
      // The events carry the record as moved, with its recomputed formulas.
      events: result.events.map((event) => ({ ...event, record: { ...next, data } })),
      ctx,
      now,
    });
    return { status: "moved", record: recordView(updated) };
  });
}
