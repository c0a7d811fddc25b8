import { endApprovalsOfDeleted } from "../approvals/pending-approval.js";
import { HttpProblem } from "../problem.js";
import type { Runtime } from "../runtime.js";
import { actorUserId, type Actor } from "./actor.js";
import { insertAuditEvent } from "./audit.js";
import { versionConflict } from "./checked-update.js";
import { diffData } from "./data-diff.js";
import { findRecord } from "./find-record.js";
import { loadScopedForm, type RecordScope } from "./record-scope.js";
import { staleVersion } from "./record-version.js";
import { logStageExit } from "./stage-log.js";
import { recordState } from "./record-view.js";
import { refreshDependents } from "./refresh-dependents.js";
import { inTransaction } from "./transaction.js";

/** Options of deleteRecord. */
export interface DeleteRecordOptions {
  /** The version the deletion was based on (If-Match): 409 when the record is at another one. */
  expectedVersion?: number;
  /** Only a record owned by this user may be deleted (members delete their own records): 403 otherwise. */
  ownedBy?: string;
}

/**
 * Delete a record in one transaction: the row goes, its open stage log entry is closed and a
 * `deleted` audit event keeps its last values (the trail outlives the record); a pending approval
 * of it ends as withdrawn. 404 when the
 * record is not in the scope, 403 when `ownedBy` is set and not its owner, 409 on a stale version.
 */
export async function deleteRecord(
  runtime: Runtime,
  scope: RecordScope,
  actor: Actor,
  recordId: string,
  options: DeleteRecordOptions = {},
): Promise<void> {
  const { app, form } = await loadScopedForm(runtime, scope);
  const now = runtime.clock.now();
  await inTransaction(runtime.db, async (tx) => {
    const expected = options.expectedVersion;
    const row = await findRecord(tx, scope, recordId, expected === undefined);
    if (options.ownedBy !== undefined && row.owner_id !== options.ownedBy) {
      throw new HttpProblem(403, "members may delete only the records they own");
    }
    if (expected !== undefined && row.version !== expected) throw staleVersion(row.version, expected);
    const deleted = await tx
      .deleteFrom("records")
      .where("workspace_id", "=", scope.workspaceId)
      .where("id", "=", recordId)
      .where("version", "=", row.version)
      .returning("id")
      .executeTakeFirst();
    if (deleted === undefined) throw await versionConflict(tx, scope, recordId, row.version);
    const by = actorUserId(actor) ?? null;
    if (row.stage !== null) await logStageExit(tx, scope, { recordId, at: now, by });
    await endApprovalsOfDeleted(tx, scope, recordId, now);
    await refreshDependents(
      { tx, workspaceId: scope.workspaceId, appId: scope.appId, app, actor, now },
      scope.formId,
      recordState(row),
      null,
    );
    const changes = diffData(row.data, {}, form.fields.keys());
    await insertAuditEvent(tx, scope, {
      recordId,
      kind: "deleted",
      changes,
      fromStage: row.stage,
      actor,
      at: now,
    });
  });
}
