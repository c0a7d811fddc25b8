import type { Kysely } from "kysely";

/** Secrets every instance of one deployment must share (e.g. the webhook signing secret). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("instance_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

/** Drop the secrets table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("instance_secrets").ifExists().execute();
}
