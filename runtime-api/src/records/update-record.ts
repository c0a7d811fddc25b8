import type { Kysely } from "kysely";
import { isPlainObject, submit, type CompiledForm, type RecordState } from "@stagecraft/engine";
import type { PublishedApp } from "../apps/app-cache.js";
import { assertNotCovered } from "../approvals/pending-approval.js";
import { enqueueRuleRuns } from "../automation/enqueue.js";
import { json } from "../db/sql-json.js";
import type { Database } from "../db/tables.js";
import type { Runtime } from "../runtime.js";
import { actorUserId, type Actor } from "./actor.js";
import { insertAuditEvent } from "./audit.js";
import { diffData } from "./data-diff.js";
import { resolveAggregates } from "./aggregates.js";
import { engineContext } from "./engine-context.js";
import { findRecord } from "./find-record.js";
import { loadScopedForm, type RecordScope } from "./record-scope.js";
import { checkedUpdate } from "./checked-update.js";
import { recordState, recordView, systemValuesOf, type RecordRow, type RecordView } from "./record-view.js";
import { staleVersion } from "./record-version.js";
import { inTransaction } from "./transaction.js";
import { refreshDependents } from "./refresh-dependents.js";
import { rejectedData } from "./validation-problem.js";

/** Options of updateRecord. */
export interface UpdateRecordOptions {
  /** The version the change was based on (If-Match): 409 when the record is at another one. */
  expectedVersion?: number;
  /** Cascade depth of the events the write emits: 0 for a person, the run's depth + 1 for a rule. */
  depth?: number;
}

/** updateRecord's answer: the record after the change, and whether anything changed at all. */
export interface UpdateRecordResult {
  record: RecordView;
  changed: boolean;
}

/** Everything a patch of one stored record needs, loaded once. */
export interface PatchContext {
  scope: RecordScope;
  app: PublishedApp;
  form: CompiledForm;
  actor: Actor;
  now: Date;
  depth: number;
}

/**
 * Merge `input` over a stored record inside `tx`: validate and recompute with the published app,
 * then (when any value changed) write the data with version + 1 only if the row is still at the
 * version read, its audit event and the rule runs of its record.updated event. Nothing is written
 * when no value changed; 409 when a changed field is locked by a pending approval.
 */
export async function patchRecordRow(
  tx: Kysely<Database>,
  patch: PatchContext,
  row: RecordRow,
  input: unknown,
): Promise<UpdateRecordResult> {
  const { scope, app, form, actor, now } = patch;
  const after: RecordState = { ...recordState(row), updatedAt: now.toISOString() };
  const self: RecordState = { ...after, data: { ...row.data, ...(isPlainObject(input) ? input : {}) } };
  const aggregates = await resolveAggregates(tx, scope, app.compiled, self, now);
  const ctx = engineContext(app.compiled, actor, now, { record: systemValuesOf(after), aggregates });
  const result = submit(form, input, ctx, { previous: row.data });
  if (!result.ok) throw rejectedData(result.errors);
  const changes = diffData(row.data, result.data, form.fields.keys());
  if (changes.length === 0) return { record: recordView(row), changed: false };
  const labelOf = (field: string): string => form.fields.get(field)?.label.en ?? field;
  await assertNotCovered(
    tx,
    scope,
    row.id,
    changes.map((change) => change.field),
    labelOf,
  );
  const userId = actorUserId(actor) ?? null;
  const updated = await checkedUpdate(tx, scope, row, {
    data: json(result.data),
    definition_version: app.version,
    updated_by: userId,
    updated_at: now,
    last_activity_at: now,
  });
  await insertAuditEvent(tx, scope, { recordId: row.id, kind: "updated", changes, actor, at: now });
  await refreshDependents(
    { tx, workspaceId: scope.workspaceId, appId: scope.appId, app, actor, now },
    scope.formId,
    recordState(row),
    recordState(updated),
  );
  await enqueueRuleRuns(tx, {
    workspaceId: scope.workspaceId,
    appId: scope.appId,
    appVersion: app.version,
    compiled: app.compiled,
    events: [
      {
        type: "record.updated",
        formId: scope.formId,
        record: recordState(updated),
        depth: patch.depth,
        changed: changes.map((change) => change.field),
        previous: row.data,
      },
    ],
    ctx,
    now,
  });
  return { record: recordView(updated), changed: true };
}

/**
 * Change a record's data (PATCH semantics: keys replace, null clears; formulas recomputed) in one
 * transaction; the record then remembers the app version it was validated under. 404 when the
 * record is not in the scope, 409 when it is not at `expectedVersion` (checked atomically by the
 * write itself), 422 naming every invalid field.
 */
export async function updateRecord(
  runtime: Runtime,
  scope: RecordScope,
  actor: Actor,
  recordId: string,
  input: unknown,
  options: UpdateRecordOptions = {},
): Promise<UpdateRecordResult> {
  const { app, form } = await loadScopedForm(runtime, scope);
  const now = runtime.clock.now();
  const patch: PatchContext = { scope, app, form, actor, now, depth: options.depth ?? 0 };
  return inTransaction(runtime.db, async (tx) => {
    const expected = options.expectedVersion;
    const row = await findRecord(tx, scope, recordId, expected === undefined);
    if (expected !== undefined && row.version !== expected) throw staleVersion(row.version, expected);
    return patchRecordRow(tx, patch, row, input);
  });
}
