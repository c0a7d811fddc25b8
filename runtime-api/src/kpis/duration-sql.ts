/**
 * Durations of a KPI part (to − from) in SQL. A row's value is the exact numeric number of seconds
 * (`extract(epoch …)` is numeric); the aggregate is divided by the unit's seconds afterwards, so the
 * direct query and a rollup (Σ seconds ÷ Σ values) divide the same exact numbers.
 */
import type { AggregatePart, DurationValue, MomentRef } from "@stagecraft/engine";
import { sql, type RawBuilder } from "kysely";
import { instantSql } from "./field-sql.js";

/** How a source reads a record's first entry into a stage (the stage log, or records.stage_entries). */
export type StageEntrySql = (stage: string) => RawBuilder<unknown>;

/** The first entry into `stage` as kept on the record row (migration 0008): element 0 of its entries. */
export const stageEntryColumn: StageEntrySql = (stage) =>
  sql`((r.stage_entries -> ${stage}::text ->> 0)::timestamptz)`;

function momentSql(moment: MomentRef, timeZone: string, stageEntry: StageEntrySql): RawBuilder<unknown> {
  return moment.kind === "field" ? instantSql(moment.field, timeZone) : stageEntry(moment.stage);
}

/** The duration in exact seconds (numeric), null when either end is missing. */
export function durationSecondsSql(
  value: DurationValue,
  timeZone: string,
  stageEntry: StageEntrySql,
): RawBuilder<unknown> {
  const from = momentSql(value.from, timeZone, stageEntry);
  const to = momentSql(value.to, timeZone, stageEntry);
  return sql`(extract(epoch from ${to}) - extract(epoch from ${from}))`;
}

/** An aggregate of a part's values in its unit: durations' seconds ÷ the unit, others as they are. */
export function inUnit(part: AggregatePart, aggregate: RawBuilder<unknown>): RawBuilder<unknown> {
  if (part.fn === "count" || part.value?.kind !== "duration") return aggregate;
  const seconds = part.value.unit === "days" ? 86_400 : 3_600;
  return sql`((${aggregate}) / ${sql.lit(seconds)})`;
}
