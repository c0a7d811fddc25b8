import type { Kysely } from "kysely";

/**
 * Indexes the KPI queries asked for on 1M records: a record's first entry into a stage (cycle
 * time, stage conversion) and periods by close or stage-entry time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("stage_log_record_stage_idx")
    .on("stage_log")
    .columns(["workspace_id", "record_id", "stage", "entered_at"])
    .execute();
  await db.schema
    .createIndex("records_closed_idx")
    .on("records")
    .columns(["workspace_id", "app_id", "form_id", "closed_at"])
    .execute();
  await db.schema
    .createIndex("records_stage_entered_idx")
    .on("records")
    .columns(["workspace_id", "app_id", "form_id", "stage_entered_at"])
    .execute();
}

/** Drop the indexes. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ["records_stage_entered_idx", "records_closed_idx", "stage_log_record_stage_idx"]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
