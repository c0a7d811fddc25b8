import { sql } from "kysely";
import { json } from "../db/sql-json.js";
import { newId } from "../ids.js";
import { notFound, type ProblemItem } from "../problem.js";
import type { RecordScope } from "../records/record-scope.js";
import type { Runtime } from "../runtime.js";

/** The outcome of one data row (row 1 is the header, so data starts at row 2). */
export interface ImportRowResult {
  row: number;
  ok: boolean;
  id?: string;
  errors?: ProblemItem[];
}

/** Where an import job stands. */
export type ImportStatus = "running" | "succeeded" | "failed";

/** An import job as the API answers it. */
export interface ImportJobView {
  id: string;
  status: ImportStatus;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  results: unknown[];
}

/** Insert a running job of `total` rows; its id. */
export async function insertImportJob(
  runtime: Runtime,
  scope: RecordScope,
  createdBy: string,
  total: number,
): Promise<string> {
  const id = newId();
  await runtime.db
    .insertInto("import_jobs")
    .values({
      workspace_id: scope.workspaceId,
      id,
      app_id: scope.appId,
      form_id: scope.formId,
      status: "running",
      total,
      processed: 0,
      succeeded: 0,
      failed: 0,
      results: json([]),
      created_by: createdBy,
      created_at: runtime.clock.now(),
    })
    .execute();
  return id;
}

/** Append a chunk's results to a job and advance its counters. */
export async function recordImportChunk(
  runtime: Runtime,
  workspaceId: string,
  jobId: string,
  chunk: readonly ImportRowResult[],
): Promise<void> {
  const succeeded = chunk.filter((r) => r.ok).length;
  await runtime.db
    .updateTable("import_jobs")
    .set((eb) => ({
      processed: eb("processed", "+", chunk.length),
      succeeded: eb("succeeded", "+", succeeded),
      failed: eb("failed", "+", chunk.length - succeeded),
      results: sql<string>`results || ${json(chunk)}::jsonb`,
    }))
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", jobId)
    .execute();
}

/** Mark a job finished with its final status. */
export async function finishImportJob(
  runtime: Runtime,
  workspaceId: string,
  jobId: string,
  status: Exclude<ImportStatus, "running">,
): Promise<void> {
  await runtime.db
    .updateTable("import_jobs")
    .set({ status, finished_at: runtime.clock.now() })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", jobId)
    .execute();
}

/** Whether a stored status is one the API names. */
function isStatus(value: string): value is ImportStatus {
  return value === "running" || value === "succeeded" || value === "failed";
}

/** A job of an app of the workspace, with its progress; 404 otherwise. */
export async function readImportJob(
  runtime: Runtime,
  workspaceId: string,
  appId: string,
  jobId: string,
): Promise<ImportJobView> {
  const row = await runtime.db
    .selectFrom("import_jobs")
    .select(["id", "status", "total", "processed", "succeeded", "failed", "results"])
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("id", "=", jobId)
    .executeTakeFirst();
  if (row === undefined) throw notFound("import job");
  return {
    id: row.id,
    status: isStatus(row.status) ? row.status : "failed",
    total: row.total,
    processed: row.processed,
    succeeded: row.succeeded,
    failed: row.failed,
    results: row.results,
  };
}
