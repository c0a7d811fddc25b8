import { sql, type Kysely } from "kysely";

/**
 * App sharing: the members and viewers of a workspace see only the apps shared with them (admins
 * and builders see every app). A row is one app shared with one user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("app_members")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("added_by", "text")
    .addColumn("added_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("app_members_pk", ["workspace_id", "app_id", "user_id"])
    .addForeignKeyConstraint(
      "app_members_app_fk",
      ["workspace_id", "app_id"],
      "apps",
      ["workspace_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "app_members_user_fk",
      ["workspace_id", "user_id"],
      "users",
      ["workspace_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  // `GET /api/apps` of a member: the apps shared with one user.
  await db.schema
    .createIndex("app_members_user_idx")
    .on("app_members")
    .columns(["workspace_id", "user_id", "app_id"])
    .execute();
}

/** Drop the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("app_members").ifExists().execute();
}
