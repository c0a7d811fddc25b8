import type { RecordState, RecordSystemValues } from "@stagecraft/engine";
import type { Selectable } from "kysely";
import type { RecordsTable } from "../db/tables.js";

/** A stored record row. */
export type RecordRow = Selectable<RecordsTable>;

/** A record as the API answers it. */
export interface RecordView {
  id: string;
  formId: string;
  data: Record<string, unknown>;
  stage: string | null;
  version: number;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The columns every record read selects. */
export const RECORD_COLUMNS = [
  "workspace_id",
  "id",
  "app_id",
  "form_id",
  "stage",
  "owner_id",
  "version",
  "definition_version",
  "data",
  "created_by",
  "updated_by",
  "created_at",
  "updated_at",
  "stage_entered_at",
  "closed_at",
  "last_activity_at",
] as const;

/** The API view of a stored record. */
export function recordView(row: RecordRow): RecordView {
  return {
    id: row.id,
    formId: row.form_id,
    data: row.data,
    stage: row.stage,
    version: row.version,
    ownerId: row.owner_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The record as the engine sees it (absent rather than null where a column is empty). */
export function recordState(row: RecordRow): RecordState {
  const state: RecordState = {
    id: row.id,
    formId: row.form_id,
    data: row.data,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (row.stage !== null) state.stage = row.stage;
  if (row.owner_id !== null) state.ownerId = row.owner_id;
  if (row.stage_entered_at !== null) state.stageEnteredAt = row.stage_entered_at.toISOString();
  if (row.closed_at !== null) state.closedAt = row.closed_at.toISOString();
  return state;
}

/** The system values formulas read (`_stage`, `_created_at`, …) of a record state. */
export function systemValuesOf(state: RecordState): RecordSystemValues {
  const values: RecordSystemValues = { id: state.id };
  if (state.stage !== undefined) values.stage = state.stage;
  if (state.ownerId !== undefined) values.ownerId = state.ownerId;
  if (state.createdAt !== undefined) values.createdAt = state.createdAt;
  if (state.updatedAt !== undefined) values.updatedAt = state.updatedAt;
  if (state.stageEnteredAt !== undefined) values.stageEnteredAt = state.stageEnteredAt;
  if (state.closedAt !== undefined) values.closedAt = state.closedAt;
  return values;
}
