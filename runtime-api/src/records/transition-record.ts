import { transition, type Effect } from "@stagecraft/engine";
import { enqueueRuleRuns } from "../automation/enqueue.js";
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

/** transitionRecord's answer: moved (the record after the move), or waiting for an approval. */
export type TransitionRecordResult =
  { status: "moved"; record: RecordView } | { status: "approval_required"; effects: Effect[] };

/**
 * Move a record to another stage of its pipeline. When the engine allows the move, one
 * transaction writes the stage (version + 1, checked atomically), closes the stage log entry of
 * the stage left and opens the one entered, undoes the increments rules made because the record
 * entered the stage it leaves, appends a `transitioned` audit event and queues the rule runs of
 * stage.left and stage.entered. When the move needs an approval nothing is written.
 * 404 when the record is not in the scope, 409 on a stale version, 422 naming every unmet condition.
 */
export async function transitionRecord(
  runtime: Runtime,
  scope: RecordScope,
  actor: Actor,
  recordId: string,
  to: string,
  options: TransitionRecordOptions = {},
): Promise<TransitionRecordResult> {
  const { app } = await loadScopedForm(runtime, scope);
  const now = runtime.clock.now();
  const ctx = engineContext(app.compiled, actor, now);
  return inTransaction(runtime.db, async (tx): Promise<TransitionRecordResult> => {
    const row = await findRecord(tx, scope, recordId);
    const expected = options.expectedVersion;
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
    if (result.status === "approval_required")
      return { status: "approval_required", effects: result.effects };
    const { next } = result;
    const by = actorUserId(actor) ?? null;
    const updated = await checkedUpdate(tx, scope, row, {
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
      changes: [],
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
      events: result.events,
      ctx,
      now,
    });
    return { status: "moved", record: recordView(updated) };
  });
}
