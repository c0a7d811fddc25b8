import { sql, type Kysely } from "kysely";

// Every table carries workspace_id in its key, so the schema can later be distributed by workspace.
// Timestamps are timestamptz; definitions and record data are jsonb.

/** Create the runtime's tables: tenants and people, apps and versions, records and their history, automation. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("workspaces")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("manager_id", "text")
    .addColumn("is_owner", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("users_pk", ["workspace_id", "id"])
    .execute();
  // Sign-in is by email alone, so an email names one user in the whole instance.
  await db.schema
    .createIndex("users_email_uq")
    .on("users")
    .expression(sql`lower(email)`)
    .unique()
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addForeignKeyConstraint(
      "sessions_user_fk",
      ["workspace_id", "user_id"],
      "users",
      ["workspace_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("apps")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "jsonb", (c) => c.notNull())
    .addColumn("template_id", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("draft", "jsonb")
    .addColumn("draft_updated_at", "timestamptz")
    .addColumn("created_by", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("apps_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("app_versions")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("definition", "jsonb", (c) => c.notNull())
    .addColumn("changes", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("published_by", "text")
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("app_versions_pk", ["workspace_id", "app_id", "version"])
    .addForeignKeyConstraint(
      "app_versions_app_fk",
      ["workspace_id", "app_id"],
      "apps",
      ["workspace_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("records")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("stage", "text")
    .addColumn("owner_id", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("definition_version", "integer", (c) => c.notNull())
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("updated_by", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("stage_entered_at", "timestamptz")
    .addColumn("closed_at", "timestamptz")
    .addColumn("last_activity_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("records_pk", ["workspace_id", "id"])
    .addForeignKeyConstraint(
      "records_app_fk",
      ["workspace_id", "app_id"],
      "apps",
      ["workspace_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  // The list endpoint's keyset pagination and its filters (stage, owner), newest first.
  await db.schema
    .createIndex("records_list_idx")
    .on("records")
    .columns(["workspace_id", "app_id", "form_id", "created_at desc", "id desc"])
    .execute();
  await db.schema
    .createIndex("records_stage_idx")
    .on("records")
    .columns(["workspace_id", "app_id", "form_id", "stage"])
    .execute();
  await db.schema
    .createIndex("records_owner_idx")
    .on("records")
    .columns(["workspace_id", "app_id", "form_id", "owner_id"])
    .execute();
  await db.schema
    .createIndex("records_idle_idx")
    .on("records")
    .columns(["workspace_id", "app_id", "form_id", "last_activity_at"])
    .execute();
  await db.schema
    .createIndex("records_data_idx")
    .on("records")
    .using("gin")
    .expression(sql`data jsonb_path_ops`)
    .execute();

  await db.schema
    .createTable("record_events")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "bigserial", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("changes", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text")
    .addColumn("actor_type", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("run_id", "text")
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("record_events_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("record_events_record_idx")
    .on("record_events")
    .columns(["workspace_id", "record_id", "id"])
    .execute();

  await db.schema
    .createTable("stage_log")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "bigserial", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("entered_at", "timestamptz", (c) => c.notNull())
    .addColumn("exited_at", "timestamptz")
    .addColumn("entered_by", "text")
    .addColumn("exited_by", "text")
    .addPrimaryKeyConstraint("stage_log_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("stage_log_record_idx")
    .on("stage_log")
    .columns(["workspace_id", "record_id", "entered_at"])
    .execute();
  await db.schema
    .createIndex("stage_log_kpi_idx")
    .on("stage_log")
    .columns(["workspace_id", "app_id", "form_id", "stage", "entered_at"])
    .execute();

  // The transactional outbox and work queue of automation: one row per rule run.
  await db.schema
    .createTable("rule_runs")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("app_version", "integer", (c) => c.notNull())
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("record_id", "text")
    .addColumn("trigger", "jsonb", (c) => c.notNull())
    .addColumn("depth", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull().defaultTo(5))
    .addColumn("next_action", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("run_at", "timestamptz", (c) => c.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "timestamptz")
    .addColumn("error", "text")
    .addColumn("effects", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("started_at", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addPrimaryKeyConstraint("rule_runs_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("rule_runs_due_idx")
    .on("rule_runs")
    .columns(["run_at"])
    .where(sql.ref("status"), "in", ["queued", "running"])
    .execute();
  await db.schema
    .createIndex("rule_runs_app_idx")
    .on("rule_runs")
    .columns(["workspace_id", "app_id", "created_at desc"])
    .execute();

  // A record effect applied once per (run, action): a retry finds its key and skips it.
  await db.schema
    .createTable("applied_effects")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("action_index", "integer", (c) => c.notNull())
    .addColumn("applied_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("applied_effects_pk", ["workspace_id", "run_id", "action_index"])
    .execute();

  // Increments a record caused elsewhere, undone when it leaves the stage that caused them.
  await db.schema
    .createTable("reversible_effects")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "bigserial", (c) => c.notNull())
    .addColumn("source_record_id", "text", (c) => c.notNull())
    .addColumn("source_stage", "text", (c) => c.notNull())
    .addColumn("target_record_id", "text", (c) => c.notNull())
    .addColumn("increments", "jsonb", (c) => c.notNull())
    .addColumn("reversed_at", "timestamptz")
    .addPrimaryKeyConstraint("reversible_effects_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("reversible_effects_source_idx")
    .on("reversible_effects")
    .columns(["workspace_id", "source_record_id", "source_stage"])
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("app_id", "text")
    .addColumn("record_id", "text")
    .addColumn("title", "jsonb", (c) => c.notNull())
    .addColumn("body", "jsonb")
    .addColumn("run_id", "text")
    .addColumn("read_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("notifications_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("notifications_user_idx")
    .on("notifications")
    .columns(["workspace_id", "user_id", "created_at desc"])
    .execute();

  await db.schema
    .createTable("share_links")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("hook_tokens")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("hook_tokens_rule_uq")
    .on("hook_tokens")
    .columns(["workspace_id", "app_id", "rule_id"])
    .unique()
    .execute();

  // Counters: serial fields and round-robin assignment cursors.
  await db.schema
    .createTable("counters")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("value", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("counters_pk", ["workspace_id", "key"])
    .execute();

  await db.schema
    .createTable("webhook_allowlist")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("webhook_allowlist_pk", ["workspace_id", "host"])
    .execute();

  // Ticks of the single scheduler (schedule, date-offset and idle triggers).
  await db.schema
    .createTable("scheduler_ticks")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("last_tick", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("import_jobs")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("processed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("succeeded", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("results", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("created_by", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("finished_at", "timestamptz")
    .addPrimaryKeyConstraint("import_jobs_pk", ["workspace_id", "id"])
    .execute();
}

/** Drop everything `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "import_jobs",
    "scheduler_ticks",
    "webhook_allowlist",
    "counters",
    "hook_tokens",
    "share_links",
    "notifications",
    "reversible_effects",
    "applied_effects",
    "rule_runs",
    "stage_log",
    "record_events",
    "records",
    "app_versions",
    "apps",
    "sessions",
    "users",
    "workspaces",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
