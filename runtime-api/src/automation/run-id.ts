import { createHash } from "node:crypto";
import { sql, type RawBuilder } from "kysely";

// Runs the scheduler starts get ids derived from what started them (rule, fire time, record,
// date…), so a tick replayed after a crash, or run twice, inserts nothing new (on conflict do
// nothing). The same derivation exists in SQL for runs inserted by `insert … select`.

const SEPARATOR = "|";

/** A deterministic run id: the first 32 hex digits of sha-256 over the parts joined by "|". */
export function deterministicRunId(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join(SEPARATOR)).digest("hex").slice(0, 32);
}

/** deterministicRunId in SQL, over SQL expressions (columns or parameters) that yield text. */
export function deterministicRunIdSql(parts: readonly RawBuilder<unknown>[]): RawBuilder<string> {
  const joined = sql.join(parts, sql`|| ${SEPARATOR} ||`);
  return sql<string>`left(encode(sha256(convert_to(${joined}, 'UTF8')), 'hex'), 32)`;
}
