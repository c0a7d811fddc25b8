import multipart from "@fastify/multipart";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { callerOf } from "../auth/authenticate.js";
import { requireRole } from "../auth/roles.js";
import { HttpProblem } from "../problem.js";
import { loadScopedForm, type RecordScope } from "../records/record-scope.js";
import { BackgroundJobs } from "../transfer/background-jobs.js";
import { isBlank } from "../transfer/cell.js";
import { exportTable } from "../transfer/export-table.js";
import { importColumns } from "../transfer/import-columns.js";
import { finishImportJob, insertImportJob, readImportJob } from "../transfer/import-job-store.js";
import { readSheet, sheetKindOf } from "../transfer/read-sheet.js";
import { runImport, type ImportRow } from "../transfer/run-import.js";
import { csvBuffer, SHEET_CONTENT_TYPES, xlsxBuffer } from "../transfer/write-sheet.js";

/** Largest file an import takes. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

interface FormParams {
  appId: string;
  formId: string;
}
interface JobParams {
  appId: string;
  jobId: string;
}

const FORMATS = ["csv", "xlsx"] as const;
type Format = (typeof FORMATS)[number];

/** The export format a query asks for (csv when absent); 400 naming /query/format otherwise. */
function formatOf(query: Record<string, unknown>): Format {
  const format = query["format"] ?? "csv";
  const known = FORMATS.find((f) => f === format);
  if (known !== undefined) return known;
  throw new HttpProblem(400, "format must be csv or xlsx", [
    {
      path: "/query/format",
      code: "enum",
      message: "must be csv or xlsx",
      params: { allowedValues: FORMATS },
    },
  ]);
}

/** The form a request addresses, in the caller's workspace. */
function scopeOf(request: FastifyRequest<{ Params: FormParams }>): RecordScope {
  const caller = callerOf(request);
  return { workspaceId: caller.workspaceId, appId: request.params.appId, formId: request.params.formId };
}

/** Imports need a member or higher; checked before the upload is read. */
async function requireWriter(request: FastifyRequest): Promise<void> {
  requireRole(callerOf(request), "member");
  await Promise.resolve();
}

/** The uploaded file of a multipart request: its name, type and bytes; 415/400 otherwise. */
async function uploadOf(
  request: FastifyRequest,
): Promise<{ filename: string; mimetype: string; bytes: Buffer }> {
  if (!request.isMultipart()) {
    throw new HttpProblem(415, "send the file as multipart/form-data with one file field");
  }
  const file = await request.file();
  if (file === undefined) {
    throw new HttpProblem(400, "the upload has no file", [
      { path: "/file", code: "required", message: "add one CSV or XLSX file" },
    ]);
  }
  return { filename: file.filename, mimetype: file.mimetype, bytes: await file.toBuffer() };
}

/** Import records from CSV/XLSX as a background job, follow its progress, export a form's records. */
export const transferRoutes: FastifyPluginAsync = async (app) => {
  const { runtime } = app;
  const jobs = new BackgroundJobs();
  app.addHook("onClose", async () => jobs.close());
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });

  app.post<{ Params: FormParams }>(
    "/api/apps/:appId/forms/:formId/import",
    {
      schema: {
        tags: ["import and export"],
        summary:
          "Import a CSV or XLSX upload (one file field) as a background job (202 {jobId}); member+. " +
          "Columns name fields by id, Chinese or English label; system, formula and serial columns are " +
          'skipped. Subform cells hold their rows as JSON (`[{"product":"A","qty":2}]`) and ' +
          "address cells a JSON object or plain text (the street), as an export writes them; file, " +
          "image and signature columns are refused.",
      },
      preValidation: requireWriter,
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const scope = scopeOf(request);
      const { form } = await loadScopedForm(runtime, scope);
      const upload = await uploadOf(request);
      const rows = await readSheet(sheetKindOf(upload.filename, upload.mimetype), upload.bytes);
      const columns = importColumns(form, rows[0] ?? []);
      const data: ImportRow[] = [];
      rows.slice(1).forEach((cells, index) => {
        if (cells.some((cell) => !isBlank(cell))) data.push({ row: index + 2, cells });
      });
      const jobId = await insertImportJob(runtime, scope, caller.userId, data.length);
      const plan = { jobId, scope, userId: caller.userId, columns, rows: data };
      jobs.start(
        () => runImport(runtime, jobs, plan),
        async (error) => {
          request.log.error({ err: error, jobId }, "import failed");
          await finishImportJob(runtime, scope.workspaceId, jobId, "failed").catch(() => undefined);
        },
      );
      return reply.code(202).send({ jobId, status: "running", total: data.length });
    },
  );

  app.get<{ Params: JobParams }>("/api/apps/:appId/imports/:jobId", async (request) =>
    readImportJob(runtime, callerOf(request).workspaceId, request.params.appId, request.params.jobId),
  );

  app.get<{ Params: FormParams; Querystring: Record<string, unknown> }>(
    "/api/apps/:appId/forms/:formId/export",
    async (request, reply) => {
      const format = formatOf(request.query);
      const table = await exportTable(runtime, scopeOf(request));
      const { formId } = request.params;
      const body = format === "csv" ? csvBuffer(table) : await xlsxBuffer(table, formId);
      return reply
        .header("content-type", SHEET_CONTENT_TYPES[format])
        .header("content-disposition", `attachment; filename="${formId}.${format}"`)
        .send(body);
    },
  );
};
