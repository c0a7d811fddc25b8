import { submit, type CompiledForm, type RecordState } from "@stagecraft/engine";
import type { Kysely } from "kysely";
import type { PublishedApp } from "../apps/app-cache.js";
import type { Database } from "../db/tables.js";
import type { Actor } from "./actor.js";
import { resolveAggregates } from "./aggregates.js";
import { diffData, type FieldChange } from "./data-diff.js";
import { engineContext } from "./engine-context.js";
import type { RecordScope } from "./record-scope.js";
import { systemValuesOf } from "./record-view.js";

/**
 * A stored record's data with its formulas recomputed as `state` (its stage and times, the
 * aggregates it reads now), and what changed; null when the published form no longer accepts the
 * stored data (the record keeps it: neither a move nor a refresh is the place to report that).
 */
export async function recomputeFormulas(
  tx: Kysely<Database>,
  scope: RecordScope,
  app: PublishedApp,
  form: CompiledForm,
  actor: Actor,
  state: RecordState,
  stored: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<{ data: Record<string, unknown>; changes: FieldChange[] } | null> {
  const aggregates = await resolveAggregates(tx, scope, app.compiled, state, now);
  const ctx = engineContext(app.compiled, actor, now, { record: systemValuesOf(state), aggregates });
  const result = submit(form, {}, ctx, { previous: stored });
  if (!result.ok) return null;
  return { data: result.data, changes: diffData(stored, result.data, form.fields.keys()) };
}
