import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./db/tables.js";

/**
 * A secret all instances of this deployment share: the configured value, else the one stored in
 * the database, created by whichever instance asks first.
 */
export async function instanceSecret(
  db: Kysely<Database>,
  name: string,
  configured: string | undefined,
): Promise<string> {
  if (configured !== undefined && configured !== "") return configured;
  await db
    .insertInto("instance_secrets")
    .values({ name, value: randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("instance_secrets")
    .select("value")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.value;
}
