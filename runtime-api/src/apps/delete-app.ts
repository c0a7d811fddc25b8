import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";

// Tables that name an app without a foreign key to it: cleared with the app so nothing dangles
// (a share link or hook token of a deleted app, a queued run of it). The KPI rollup plans go before
// the records' cascade, so their triggers have no rollups left to update.
const APP_SCOPED_TABLES = [
  "record_events",
  "rule_runs",
  "share_links",
  "hook_tokens",
  "notifications",
  "import_jobs",
  "approvals",
  "record_slas",
  "kpi_rollup_plans",
  "kpi_rollups",
] as const;

/**
 * Delete an app of the workspace with everything it owns: its versions and records go through
 * the foreign keys, the rows that only name it are deleted here, all in one transaction. 404 when
 * the workspace has no such app.
 */
export async function deleteApp(db: Kysely<Database>, workspaceId: string, appId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom("apps")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", appId)
      .forUpdate()
      .executeTakeFirst();
    if (!app) throw notFound("app");
    await trx
      .deleteFrom("applied_effects")
      .where("workspace_id", "=", workspaceId)
      .where("run_id", "in", (eb) =>
        eb
          .selectFrom("rule_runs")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("app_id", "=", appId),
      )
      .execute();
    await trx
      .deleteFrom("reversible_effects")
      .where("workspace_id", "=", workspaceId)
      .where("source_record_id", "in", (eb) =>
        eb
          .selectFrom("records")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("app_id", "=", appId),
      )
      .execute();
    await trx
      .deleteFrom("approval_tasks")
      .where("workspace_id", "=", workspaceId)
      .where("approval_id", "in", (eb) =>
        eb
          .selectFrom("approvals")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("app_id", "=", appId),
      )
      .execute();
    for (const table of APP_SCOPED_TABLES) {
      await trx
        .deleteFrom(table)
        .where("workspace_id", "=", workspaceId)
        .where("app_id", "=", appId)
        .execute();
    }
    await trx.deleteFrom("apps").where("workspace_id", "=", workspaceId).where("id", "=", appId).execute();
    // After the records (gone with the app): the stage-log triggers then have no records.stage_entries
    // to rewrite (migration 0008).
    await trx
      .deleteFrom("stage_log")
      .where("workspace_id", "=", workspaceId)
      .where("app_id", "=", appId)
      .execute();
  });
}
