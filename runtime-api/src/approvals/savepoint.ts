import { sql, type Kysely } from "kysely";
import type { Database } from "../db/tables.js";

/**
 * Run `work` inside a savepoint of the caller's transaction: when it throws, what it wrote is
 * rolled back and the transaction goes on (one failing deadline must not undo a whole tick).
 * Answers the error, or undefined on success.
 */
export async function inSavepoint(tx: Kysely<Database>, work: () => Promise<void>): Promise<unknown> {
  await sql`savepoint deadline`.execute(tx);
  try {
    await work();
    await sql`release savepoint deadline`.execute(tx);
    return undefined;
  } catch (err) {
    await sql`rollback to savepoint deadline`.execute(tx);
    return err;
  }
}
