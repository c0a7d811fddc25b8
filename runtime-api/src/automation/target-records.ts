import { sql, type Transaction } from "kysely";
import { dateIn, type Effect } from "@stagecraft/engine";
import { loadAppVersion } from "../apps/app-cache.js";
import type { Database } from "../db/tables.js";
import { recordConditions } from "../kpis/record-conditions.js";
import { filterSql } from "../kpis/filter-sql.js";
import type { Runtime } from "../runtime.js";
import type { ClaimedRun } from "./rule-run.js";

/** How many records one update_records effect may change (a guard against runaway filters). */
export const MAX_TARGETS = 1000;

type UpdateEffect = Extract<Effect, { type: "update_records" }>;

/**
 * The ids of the records an update_records effect changes, all of its form in the run's app and
 * workspace: given ids, records whose reference field points at the source record, or records
 * matching a filter (checked against the definition, values as parameters).
 */
export async function targetRecordIds(
  runtime: Runtime,
  tx: Transaction<Database>,
  run: ClaimedRun,
  effect: UpdateEffect,
): Promise<string[]> {
  // Aliased `r`: the filter SQL names the records table so (filterSql's column references).
  let query = tx
    .selectFrom("records as r")
    .select("r.id")
    .where("r.workspace_id", "=", run.workspaceId)
    .where("r.app_id", "=", run.appId)
    .where("r.form_id", "=", effect.formId);
  const target = effect.target;
  if (target.type === "ids") {
    if (target.ids.length === 0) return [];
    query = query.where("r.id", "in", target.ids);
  } else if (target.type === "referencing") {
    // A reference holds one record id, or a list of them when the field is `multiple`.
    query = query.where(
      sql<boolean>`(r.data->>${target.field} = ${target.recordId} or r.data->${target.field} @> ${JSON.stringify([target.recordId])}::jsonb)`,
    );
  } else {
    const app = await loadAppVersion(runtime, run.workspaceId, run.appId, run.appVersion);
    const conditions = recordConditions(app.compiled.definition, effect.formId, target.filter);
    const timeZone = app.compiled.timeZone;
    const today = dateIn(runtime.clock.now().toISOString(), timeZone);
    query = query.where(filterSql(conditions, { timeZone, today }));
  }
  const rows = await query.orderBy("r.created_at").orderBy("r.id").limit(MAX_TARGETS).execute();
  return rows.map((r) => r.id);
}
