import type { Runtime } from "../runtime.js";
import { HttpProblem } from "../problem.js";
import { createRecord } from "../records/create-record.js";
import type { RecordScope } from "../records/record-scope.js";
import type { BackgroundJobs } from "./background-jobs.js";
import { cellValue } from "./cell-value.js";
import type { ImportColumn } from "./import-columns.js";
import { finishImportJob, recordImportChunk, type ImportRowResult } from "./import-job-store.js";
import type { Cell } from "./cell.js";

/** One data row of a sheet and its 1-based row number in the file. */
export interface ImportRow {
  row: number;
  cells: readonly Cell[];
}

/** What a background import needs. */
export interface ImportPlan {
  jobId: string;
  scope: RecordScope;
  userId: string;
  columns: readonly ImportColumn[];
  rows: readonly ImportRow[];
}

/** The record data of one row: field id to converted value, empty cells left out. */
function rowData(columns: readonly ImportColumn[], cells: readonly Cell[]): Record<string, unknown> {
  const data = new Map<string, unknown>();
  for (const { index, field } of columns) {
    const value = cellValue(field, cells[index] ?? null);
    if (value !== undefined) data.set(field.id, value);
  }
  return Object.fromEntries(data);
}

/** Import one row: the new record's id, or the row's field errors (422 of the engine). */
async function importRow(runtime: Runtime, plan: ImportPlan, row: ImportRow): Promise<ImportRowResult> {
  try {
    const record = await createRecord(
      runtime,
      plan.scope,
      { type: "user", userId: plan.userId },
      rowData(plan.columns, row.cells),
    );
    return { row: row.row, ok: true, id: record.id };
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 422) {
      return { row: row.row, ok: false, errors: [...error.errors] };
    }
    throw error;
  }
}

/** Rows per progress write: at least 100, and at most about 50 writes per job. */
function chunkSize(total: number): number {
  return Math.max(100, Math.ceil(total / 50));
}

/**
 * Import the rows in chunks, each row through createRecord as the uploading user (rows the app
 * rejects are reported with their errors, the rest created), writing progress after each chunk.
 * The job ends `succeeded` when every row was handled, `failed` on an unexpected error or shutdown.
 */
export async function runImport(runtime: Runtime, jobs: BackgroundJobs, plan: ImportPlan): Promise<void> {
  const { workspaceId } = plan.scope;
  const size = chunkSize(plan.rows.length);
  for (let start = 0; start < plan.rows.length; start += size) {
    if (jobs.stopped) {
      await finishImportJob(runtime, workspaceId, plan.jobId, "failed");
      return;
    }
    const chunk: ImportRowResult[] = [];
    for (const row of plan.rows.slice(start, start + size)) chunk.push(await importRow(runtime, plan, row));
    await recordImportChunk(runtime, workspaceId, plan.jobId, chunk);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await finishImportJob(runtime, workspaceId, plan.jobId, "succeeded");
}
