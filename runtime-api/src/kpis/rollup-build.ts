/**
 * Rollups are built on first use: a KPI query whose parts have no rollup yet builds them (backfill
 * from the records) and registers them in the form's plan, after which the records triggers keep
 * them exact. The build holds the app's exclusive advisory lock (the triggers take it shared), so a
 * record write is either in the backfill's snapshot or applies its own delta afterwards. Rollups
 * are only ever added to a plan, so a reader never finds a registered rollup gone.
 */
import { CompiledQuery, sql, type Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import {
  assemblePlan,
  compileBranch,
  isRollupBranch,
  readsStageEntries,
  type RollupBranch,
  type RollupEntry,
  type RollupScope,
} from "./rollup-plan.js";

interface PlanRow {
  form_id: string;
  keys: string[];
}

/** Take the app's rollup lock in the transaction (exclusive: builds; the triggers take it shared). */
async function lockApp(tx: Kysely<Database>, scope: RollupScope): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('kpi_rollups'), hashtext(${scope.workspaceId}::text || '/' || ${scope.appId}::text))`.execute(
    tx,
  );
}

/** The keys registered per form of the app. */
async function registeredKeys(
  db: Kysely<Database>,
  scope: RollupScope,
  formIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const { rows } = await sql<PlanRow>`select form_id, keys from kpi_rollup_plans
    where workspace_id = ${scope.workspaceId} and app_id = ${scope.appId} and form_id = any(${formIds}::text[])`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.form_id, new Set(r.keys)]));
}

/** Add the missing rollups of one form: backfill their cells, then extend the form's plan. */
async function buildForm(
  tx: Kysely<Database>,
  scope: RollupScope,
  formId: string,
  entries: readonly RollupEntry[],
): Promise<void> {
  const { rows } = await sql<{ branches: unknown }>`select branches from kpi_rollup_plans
    where workspace_id = ${scope.workspaceId} and app_id = ${scope.appId} and form_id = ${formId}
    for update`.execute(tx);
  const stored = rows[0]?.branches;
  const existing: RollupBranch[] = Array.isArray(stored) ? stored.filter(isRollupBranch) : [];
  const have = new Set(existing.map((b) => b.key));
  // Parts of one KPI can share a rollup (a sum and an avg of the same rows): one branch per key.
  const fresh = new Map(entries.filter((e) => !have.has(e.key)).map((e) => [e.key, e]));
  const added = [...fresh.values()].map((e) => compileBranch(tx, scope, e));
  if (added.length === 0) return;
  const addedKeys = added.map((b) => b.key);
  // Cells left by an earlier plan of a deleted app of the same id are not this rollup's.
  await sql`delete from kpi_rollups where workspace_id = ${scope.workspaceId} and app_id = ${scope.appId}
    and rollup_key = any(${addedKeys}::text[])`.execute(tx);
  const backfill = assemblePlan(added);
  const rowsSql = backfill.rowSql.replaceAll("__rows__", "records").replaceAll("__sign__", "1");
  await tx.executeQuery(
    CompiledQuery.raw(
      `insert into kpi_rollups (workspace_id, app_id, rollup_key, day, grp, since, rows, vn, total)
       select $2, $3, d.k, d.day, d.grp, d.since, sum(d.rows), sum(d.vn), sum(d.total) from (${rowsSql}) d
       group by d.k, d.day, d.grp, d.since having sum(d.rows) <> 0`,
      [backfill.params, scope.workspaceId, scope.appId],
    ),
  );
  const branches = [...existing, ...added];
  const plan = assemblePlan(branches);
  // The rollups a change of records.stage_entries alone can move (the stage-log triggers' updates).
  const entryBranches = branches.filter(readsStageEntries);
  const entryPlan = entryBranches.length === 0 ? null : assemblePlan(entryBranches);
  await sql`insert into kpi_rollup_plans (workspace_id, app_id, form_id, keys, branches, row_sql, params,
              entries_row_sql, entries_params, built_at)
    values (${scope.workspaceId}, ${scope.appId}, ${formId}, ${branches.map((b) => b.key)}::text[],
            ${JSON.stringify(branches)}::jsonb, ${plan.rowSql}, ${plan.params}::jsonb,
            ${entryPlan?.rowSql ?? null}, ${entryPlan?.params ?? null}::jsonb, now())
    on conflict (workspace_id, app_id, form_id) do update set keys = excluded.keys, branches = excluded.branches,
      row_sql = excluded.row_sql, params = excluded.params, entries_row_sql = excluded.entries_row_sql,
      entries_params = excluded.entries_params, built_at = excluded.built_at`.execute(tx);
}

/** Make sure every entry's rollup is registered and built (builds the missing ones, once per instance set). */
export async function ensureRollups(
  db: Kysely<Database>,
  scope: RollupScope,
  entries: readonly RollupEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const formIds = [...new Set(entries.map((e) => e.formId))].sort();
  const registered = await registeredKeys(db, scope, formIds);
  const missing = entries.filter((e) => registered.get(e.formId)?.has(e.key) !== true);
  if (missing.length === 0) return;
  await db.transaction().execute(async (tx) => {
    await lockApp(tx, scope);
    for (const formId of formIds) {
      const forForm = missing.filter((e) => e.formId === formId);
      if (forForm.length > 0) await buildForm(tx, scope, formId, forForm);
    }
  });
}
