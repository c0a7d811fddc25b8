import { isPlainObject, submit, type RecordEvent, type RecordState } from "@stagecraft/engine";
import type { Kysely } from "kysely";
import { ruleRunRows } from "../automation/enqueue.js";
import { runTogether } from "../db/one-statement.js";
import { retryLostRace } from "../db/transient.js";
import type { Database } from "../db/tables.js";
import { json } from "../db/sql-json.js";
import { newId } from "../ids.js";
import type { Runtime } from "../runtime.js";
import { actorUserId, type Actor } from "./actor.js";
import { auditEventInsert } from "./audit.js";
import { diffData } from "./data-diff.js";
import { resolveAggregates } from "./aggregates.js";
import { engineContext } from "./engine-context.js";
import { loadScopedForm, type RecordScope } from "./record-scope.js";
import { RECORD_COLUMNS, recordView, systemValuesOf, type RecordView } from "./record-view.js";
import { allocateSerials } from "./serials.js";
import { stageEntryInsert } from "./stage-log.js";
import { inTransaction } from "./transaction.js";
import { hasDependents, refreshDependents } from "./refresh-dependents.js";
import { rejectedData } from "./validation-problem.js";

/** Options of createRecord. */
export interface CreateRecordOptions {
  /** The owner; default: the acting user (none for rules and public links). */
  ownerId?: string | null;
  /** Cascade depth of the events the write emits: 0 for a person, the run's depth + 1 for a rule. */
  depth?: number;
}

/**
 * Create a record of a form: validate and compute `input` with the published app (serial numbers
 * allocated, formulas computed), then insert, atomically, the record in the pipeline's initial
 * stage, its stage log entry, its audit event and the rule runs its events start.
 * 404 for an unknown app or form; 422 naming every invalid field at once.
 */
export async function createRecord(
  runtime: Runtime,
  scope: RecordScope,
  actor: Actor,
  input: unknown,
  options: CreateRecordOptions = {},
): Promise<RecordView> {
  const { app, form } = await loadScopedForm(runtime, scope);
  const pipeline = app.compiled.pipelines.get(scope.formId);
  const now = runtime.clock.now();
  const id = newId();
  const ownerId = options.ownerId !== undefined ? options.ownerId : (actorUserId(actor) ?? null);
  const stage = pipeline?.pipeline.initial ?? null;
  const created: RecordState = {
    id,
    formId: scope.formId,
    data: {},
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  if (stage !== null) {
    created.stage = stage;
    created.stageEnteredAt = now.toISOString();
  }
  if (ownerId !== null) created.ownerId = ownerId;

  const write = async (tx: Kysely<Database>): Promise<RecordView> => {
    const serials = await allocateSerials(tx, scope, form);
    const self: RecordState = { ...created, data: isPlainObject(input) ? input : {} };
    const aggregates = await resolveAggregates(tx, scope, app.compiled, self, now);
    const ctx = engineContext(app.compiled, actor, now, {
      record: systemValuesOf(created),
      serials,
      aggregates,
    });
    const result = submit(form, input, ctx);
    if (!result.ok) throw rejectedData(result.errors);
    const record: RecordState = { ...created, data: result.data };
    const by = actorUserId(actor) ?? null;
    const depth = options.depth ?? 0;
    const events: RecordEvent[] = [{ type: "record.created", formId: scope.formId, record, depth }];
    if (stage !== null) events.push({ type: "stage.entered", formId: scope.formId, record, depth, stage });
    const runs = ruleRunRows({
      workspaceId: scope.workspaceId,
      appId: scope.appId,
      appVersion: app.version,
      compiled: app.compiled,
      events,
      ctx,
      now,
    }).rows;
    const recordInsert = tx
      .insertInto("records")
      .values({
        workspace_id: scope.workspaceId,
        id,
        app_id: scope.appId,
        form_id: scope.formId,
        stage,
        owner_id: ownerId,
        version: 1,
        definition_version: app.version,
        data: json(result.data),
        created_by: by,
        updated_by: by,
        created_at: now,
        updated_at: now,
        stage_entered_at: stage === null ? null : now,
        closed_at: null,
        last_activity_at: now,
      })
      .returning(RECORD_COLUMNS);
    const audit = auditEventInsert(tx, scope, {
      recordId: id,
      kind: "created",
      changes: diffData({}, result.data, form.fields.keys()),
      toStage: stage,
      actor,
      at: now,
    });
    // The record, its stage entry, its audit event and its rule runs: one statement.
    const [row] = await runTogether(tx, recordInsert, [
      ...(stage === null ? [] : [stageEntryInsert(tx, scope, { recordId: id, stage, at: now, by })]),
      audit,
      ...(runs.length === 0 ? [] : [tx.insertInto("rule_runs").values(runs)]),
    ]);
    if (row === undefined) throw new Error("the record insert returned no row");
    await refreshDependents(
      { tx, workspaceId: scope.workspaceId, appId: scope.appId, app, actor, now },
      scope.formId,
      null,
      record,
    );
    return recordView(row);
  };
  // Without serials to allocate, aggregates to read or dependents to refresh, the write is the one
  // statement above, atomic by itself: no BEGIN and COMMIT round trips.
  const alone =
    form.plan.serials.length === 0 &&
    (form.form.aggregates?.length ?? 0) === 0 &&
    !hasDependents(app.compiled, scope.formId);
  if (!alone || runtime.db.isTransaction) return inTransaction(runtime.db, write);
  // That statement is a transaction of its own: like inTransaction's, it runs again if it loses a race.
  return retryLostRace(() => write(runtime.db));
}
