import { collectAggregates, type CompiledApp, type RecordState } from "@stagecraft/engine";
import type { Aggregate, Field, Form } from "@stagecraft/schemas";
import { isDeepStrictEqual } from "node:util";
import { sql, type Kysely } from "kysely";
import type { PublishedApp } from "../apps/app-cache.js";
import { json } from "../db/sql-json.js";
import type { Database } from "../db/tables.js";
import type { Actor } from "./actor.js";
import { recomputeFormulas } from "./recompute-formulas.js";
import { RECORD_COLUMNS, recordState, type RecordRow } from "./record-view.js";

/** How many records one write refreshes per dependency at most (an unbound aggregate reads every record). */
export const MAX_REFRESHED = 1000;
/** How far a refresh cascades (a month row → its quarter → the year goal). */
export const MAX_REFRESH_DEPTH = 5;

/**
 * A form whose stored formulas read an aggregate over another form's records. `binding` ties the
 * two when the aggregate's filter has `sourceField eq {this: targetField}`: only the records whose
 * `targetField` equals the changed record's `sourceField` (before or after the write) depend on it.
 */
interface Dependency {
  form: Form;
  binding: { sourceField: string; targetField: string } | null;
  /** The fields of a changed record its aggregates read: a change to none of them changes no result. */
  reads: Set<string>;
}

function formulaExpressions(fields: readonly Field[]): unknown[] {
  return fields.flatMap((field) => {
    if (field.type === "formula") return [field.expression];
    if (field.type === "subform") return formulaExpressions(field.fields);
    return [];
  });
}

/** The fields of a source record that `aggregate` reads: its measure, its dates and its filter's fields. */
function readsOf(aggregate: Aggregate): string[] {
  const filterFields = (aggregate.filter ?? []).map((condition) => condition.field);
  if (aggregate.type === "active") {
    return [aggregate.from, ...(aggregate.to === undefined ? [] : [aggregate.to]), ...filterFields];
  }
  return [...(aggregate.field === undefined ? [] : [aggregate.field]), ...filterFields];
}

function bindingOf(aggregate: Aggregate): Dependency["binding"] {
  for (const condition of aggregate.filter ?? []) {
    const value: unknown = condition.value;
    if (condition.op !== "eq" || typeof value !== "object" || value === null || !("this" in value)) continue;
    const target: unknown = value.this;
    if (typeof target === "string") return { sourceField: condition.field, targetField: target };
  }
  return null;
}

const INDEXES = new WeakMap<CompiledApp, Map<string, Dependency[]>>();

/** Per source form, the forms whose formulas read aggregates over it (computed once per compiled app). */
function dependencyIndex(compiled: CompiledApp): Map<string, Dependency[]> {
  const cached = INDEXES.get(compiled);
  if (cached !== undefined) return cached;
  const index = new Map<string, Dependency[]>();
  for (const form of compiled.definition.forms) {
    const used = new Set(formulaExpressions(form.fields).flatMap((expr) => collectAggregates(expr)));
    const seen = new Map<string, Dependency>();
    for (const aggregate of form.aggregates ?? []) {
      if (!used.has(aggregate.id)) continue;
      const binding = bindingOf(aggregate);
      const key = `${form.id}|${binding?.sourceField ?? ""}|${binding?.targetField ?? ""}`;
      const known = seen.get(key);
      if (known !== undefined) {
        readsOf(aggregate).forEach((field) => known.reads.add(field));
        continue;
      }
      const dependency: Dependency = { form, binding, reads: new Set(readsOf(aggregate)) };
      seen.set(key, dependency);
      const list = index.get(aggregate.form) ?? [];
      list.push(dependency);
      index.set(aggregate.form, list);
    }
  }
  INDEXES.set(compiled, index);
  return index;
}

/** A field's value on a record state: system fields by their `_` name, data fields by id. */
function valueOf(state: RecordState | null, field: string): unknown {
  if (state === null) return undefined;
  switch (field) {
    case "_id":
      return state.id;
    case "_owner":
      return state.ownerId;
    case "_stage":
      return state.stage;
    case "_created_at":
      return state.createdAt;
    case "_updated_at":
      return state.updatedAt;
    case "_stage_entered_at":
      return state.stageEnteredAt;
    case "_closed_at":
      return state.closedAt;
    default:
      return field.startsWith("_") ? undefined : state.data[field];
  }
}

/**
 * Whether a write can change what `dependency`'s aggregates compute: always for a created or
 * deleted record, else only when a field they read (or the binding's field) has a new value.
 */
function touches(dependency: Dependency, before: RecordState | null, after: RecordState | null): boolean {
  if (before === null || after === null) return true;
  const fields = [
    ...dependency.reads,
    ...(dependency.binding === null ? [] : [dependency.binding.sourceField]),
  ];
  return fields.some((field) => !isDeepStrictEqual(valueOf(before, field), valueOf(after, field)));
}

/** What a refresh needs: the transaction, the app, who wrote, and when. */
export interface RefreshContext {
  tx: Kysely<Database>;
  workspaceId: string;
  appId: string;
  app: PublishedApp;
  actor: Actor;
  now: Date;
}

/** The records of `dependency.form` that may read the changed record, at most MAX_REFRESHED. */
async function dependents(
  ctx: RefreshContext,
  dependency: Dependency,
  before: RecordState | null,
  after: RecordState | null,
): Promise<RecordRow[] | null> {
  let query = ctx.tx
    .selectFrom("records")
    .select(RECORD_COLUMNS)
    .where("workspace_id", "=", ctx.workspaceId)
    .where("app_id", "=", ctx.appId)
    .where("form_id", "=", dependency.form.id);
  const binding = dependency.binding;
  if (binding !== null) {
    const values = [...new Set([valueOf(before, binding.sourceField), valueOf(after, binding.sourceField)])]
      .filter((v) => typeof v === "string" || typeof v === "number")
      .map(String);
    if (values.length === 0) return null;
    const target = binding.targetField;
    if (target === "_id") query = query.where("id", "in", values);
    else if (target === "_owner") query = query.where("owner_id", "in", values);
    else if (target === "_stage") query = query.where("stage", "in", values);
    else if (!target.startsWith("_")) query = query.where(sql<string>`data->>${target}::text`, "in", values);
  }
  return query.orderBy("id").limit(MAX_REFRESHED).execute();
}

/** Recompute a stored record's formulas; its new row when a value changed, else null. */
async function recompute(ctx: RefreshContext, form: Form, row: RecordRow): Promise<RecordRow | null> {
  const compiledForm = ctx.app.compiled.forms.get(form.id);
  if (compiledForm === undefined) return null;
  const scope = { workspaceId: ctx.workspaceId, appId: ctx.appId, formId: form.id };
  const { tx, app, actor, now } = ctx;
  const recomputed = await recomputeFormulas(
    tx,
    scope,
    app,
    compiledForm,
    actor,
    recordState(row),
    row.data,
    now,
  );
  if (recomputed === null || recomputed.changes.length === 0) return null;
  // Derived values only: the version stays (a client's next write recomputes them anyway).
  return tx
    .updateTable("records")
    .set({ data: json(recomputed.data) })
    .where("workspace_id", "=", ctx.workspaceId)
    .where("id", "=", row.id)
    .returning(RECORD_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** True when some form's formulas read aggregates over `formId` (a write to it may refresh others). */
export function hasDependents(compiled: CompiledApp, formId: string): boolean {
  return (dependencyIndex(compiled).get(formId)?.length ?? 0) > 0;
}

/**
 * After a record of `formId` was created, changed, moved or deleted (`before`/`after` null for
 * create/delete), recompute the stored formulas of the records whose aggregates read it — a goal's
 * breakdown gap when a child row changes, a customer's contract count when a contract is signed —
 * and cascade to what reads those, up to MAX_REFRESH_DEPTH (a recompute that changes nothing ends
 * its branch). A write that changes none of the fields an aggregate reads refreshes nothing through
 * it: no query, and no lock on rows another write may hold. Runs in the write's transaction.
 */
export async function refreshDependents(
  ctx: RefreshContext,
  formId: string,
  before: RecordState | null,
  after: RecordState | null,
  depth = 0,
): Promise<void> {
  if (depth >= MAX_REFRESH_DEPTH) return;
  for (const dependency of dependencyIndex(ctx.app.compiled).get(formId) ?? []) {
    if (!touches(dependency, before, after)) continue;
    const rows = await dependents(ctx, dependency, before, after);
    for (const row of rows ?? []) {
      // A record met again later in the cascade is recomputed again: it may read what changed since.
      const updated = await recompute(ctx, dependency.form, row);
      if (updated !== null) {
        await refreshDependents(ctx, dependency.form.id, recordState(row), recordState(updated), depth + 1);
      }
    }
  }
}
