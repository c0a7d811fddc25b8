import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { retryLostRace } from "../db/transient.js";

/**
 * Run `work` in one database transaction, or inside the caller's when `db` already is one (the
 * automation worker applies record effects inside its own transaction, keyed against retries).
 * A transaction of its own that Postgres aborts for a deadlock or a serialization failure wrote
 * nothing and runs again (a person's write then succeeds instead of answering an error); inside
 * the caller's transaction that is impossible, so the caller's transaction decides.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  return retryLostRace(() => db.transaction().execute(work));
}
