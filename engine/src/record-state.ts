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

/** The data an expression sees for a record: its fields plus the system columns as `_x`. */
export function expressionData(record: RecordState): Record<string, unknown> {
  const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(record.data)) data[key] = value;
  data["_id"] = record.id;
  data["_stage"] = record.stage ?? null;
  data["_owner"] = record.ownerId ?? null;
  data["_created_at"] = record.createdAt ?? null;
  data["_updated_at"] = record.updatedAt ?? null;
  data["_stage_entered_at"] = record.stageEnteredAt ?? null;
  data["_closed_at"] = record.closedAt ?? null;
  return data;
}
