/** A record as the engine sees it: its data and the system columns rules and guards read. */
export interface RecordState {
  id: string;
  formId: string;
  /** Current stage id; absent for forms without a pipeline. */
  stage?: string;
  ownerId?: string;
  data: Readonly<Record<string, unknown>>;
  createdAt?: string;
  updatedAt?: string;
  stageEnteredAt?: string;
  closedAt?: string;
}

/** The system columns of a record, as far as they are known (a new record has none yet). */
export type RecordSystemValues = Partial<
  Pick<RecordState, "id" | "stage" | "ownerId" | "createdAt" | "updatedAt" | "stageEnteredAt" | "closedAt">
>;

/** The system columns as expressions read them (`_stage`, …), null where unknown. */
export function systemEntries(values: RecordSystemValues): [string, unknown][] {
  return [
    ["_id", values.id ?? null],
    ["_stage", values.stage ?? null],
    ["_owner", values.ownerId ?? null],
    ["_created_at", values.createdAt ?? null],
    ["_updated_at", values.updatedAt ?? null],
    ["_stage_entered_at", values.stageEnteredAt ?? null],
    ["_closed_at", values.closedAt ?? null],
  ];
}

/** The data an expression sees for a record: its fields plus the system columns as `_x`. */
export function expressionData(record: RecordState): Record<string, unknown> {
  const data: Record<string, unknown> = { __proto__: null };
  for (const [key, value] of Object.entries(record.data)) data[key] = value;
  for (const [key, value] of systemEntries(record)) data[key] = value;
  return data;
}
