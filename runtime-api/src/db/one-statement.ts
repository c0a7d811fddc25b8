import { sql, type Compilable, type Kysely, type OperationNodeSource } from "kysely";
import type { Database } from "./tables.js";

/**
 * Run `main` with the `others` as ONE statement: each of the others becomes a data-modifying CTE of
 * `main` (`with w0 as (insert …), w1 as (…) insert … returning …`). One round trip instead of one
 * per insert plus BEGIN and COMMIT, and atomic on its own: a write made only of inserts needs no
 * transaction. The CTEs see the snapshot the statement started with, so none may read what another
 * writes; foreign keys between them hold (they are checked at the end of the statement).
 */
export async function runTogether<O>(
  db: Kysely<Database>,
  main: Compilable<O> & OperationNodeSource,
  others: readonly (Compilable & OperationNodeSource)[],
): Promise<O[]> {
  if (others.length === 0) return (await db.executeQuery(main.compile())).rows;
  const ctes = others.map((query, i) => sql`${sql.id(`w${i}`)} as (${query})`);
  return (await sql<O>`with ${sql.join(ctes)} ${main}`.execute(db)).rows;
}
