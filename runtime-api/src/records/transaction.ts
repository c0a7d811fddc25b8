import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";

/**
 * Run `work` in one database transaction, or inside the caller's when `db` already is one (the
 * automation worker applies record effects inside its own transaction, keyed against retries).
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
