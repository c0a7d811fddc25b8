import { sql, type Kysely } from "kysely";

/**
 * Approvals (one per requested move, its tasks one per approver and step), the SLA state of
 * records in stages with a time limit, and a `detail` on audit events (approval decisions carry
 * their comment there).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("approvals")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("on", "text", (c) => c.notNull())
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    // The applicable steps as [{stage, stepId}], and the index of the current one.
    .addColumn("steps", "jsonb", (c) => c.notNull())
    .addColumn("step_index", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("covers", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("requested_by", "text")
    .addColumn("requested_at", "timestamptz", (c) => c.notNull())
    .addColumn("due_at", "timestamptz")
    // The step whose due time has been handled (remind, escalate, auto-decide), so it fires once.
    .addColumn("overdue_step", "integer")
    .addColumn("decided_at", "timestamptz")
    .addColumn("decided_by", "text")
    .addColumn("return_to", "text")
    .addPrimaryKeyConstraint("approvals_pk", ["workspace_id", "id"])
    .execute();
  // At most one pending approval per record: a second move while one is pending conflicts.
  await db.schema
    .createIndex("approvals_pending_record_uq")
    .on("approvals")
    .columns(["workspace_id", "record_id"])
    .unique()
    .where(sql.ref("status"), "=", "pending")
    .execute();
  await db.schema
    .createIndex("approvals_record_idx")
    .on("approvals")
    .columns(["workspace_id", "record_id", "requested_at"])
    .execute();
  await db.schema
    .createIndex("approvals_due_idx")
    .on("approvals")
    .columns(["due_at"])
    .where(sql.ref("status"), "=", "pending")
    .execute();

  await db.schema
    .createTable("approval_tasks")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("approval_id", "text", (c) => c.notNull())
    .addColumn("step_index", "integer", (c) => c.notNull())
    .addColumn("step_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    // pending, approved, rejected, returned, transferred, escalated, closed (decided by another)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("transferred_from", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("decided_at", "timestamptz")
    // Creation order within one instant (a transfer and its new task share a timestamp).
    .addColumn("seq", "bigserial", (c) => c.notNull())
    .addPrimaryKeyConstraint("approval_tasks_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("approval_tasks_approval_idx")
    .on("approval_tasks")
    .columns(["workspace_id", "approval_id", "step_index"])
    .execute();
  // The inbox: a user's pending tasks.
  await db.schema
    .createIndex("approval_tasks_inbox_idx")
    .on("approval_tasks")
    .columns(["workspace_id", "user_id", "created_at"])
    .where(sql.ref("status"), "=", "pending")
    .execute();

  // One row per (record, stage entry) of a stage with an SLA, once its limit has passed.
  await db.schema
    .createTable("record_slas")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("entered_at", "timestamptz", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("due_at", "timestamptz", (c) => c.notNull())
    .addColumn("escalations_fired", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("record_slas_pk", ["workspace_id", "record_id", "stage", "entered_at"])
    .execute();
  await db.schema
    .createIndex("record_slas_app_idx")
    .on("record_slas")
    .columns(["workspace_id", "app_id", "form_id", "due_at"])
    .execute();

  await db.schema.alterTable("record_events").addColumn("detail", "jsonb").execute();
}

/** Drop what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("record_events").dropColumn("detail").execute();
  for (const table of ["record_slas", "approval_tasks", "approvals"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
