import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { HttpProblem } from "../problem.js";
import { isBlank, type Cell } from "./cell.js";

/** Most data rows one import takes. */
export const MAX_IMPORT_ROWS = 50_000;

/** 422: the file has more data rows than an import takes. */
function tooManyRows(): HttpProblem {
  return new HttpProblem(
    422,
    `the file has more than ${MAX_IMPORT_ROWS} rows; split it into several imports`,
    [
      {
        path: "/file",
        code: "too_many_rows",
        message: `at most ${MAX_IMPORT_ROWS} rows`,
        params: { limit: MAX_IMPORT_ROWS },
      },
    ],
  );
}

/** The kinds of file an import reads. */
export type SheetKind = "csv" | "xlsx";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The kind of an uploaded file by its extension, else its mime type; 415 for anything else. */
export function sheetKindOf(filename: string, mimetype: string): SheetKind {
  const name = filename.toLowerCase();
  if (name.endsWith(".xlsx")) return "xlsx";
  if (name.endsWith(".csv")) return "csv";
  if (mimetype === XLSX_MIME) return "xlsx";
  if (mimetype === "text/csv" || mimetype === "application/csv") return "csv";
  throw new HttpProblem(415, "upload a .csv (UTF-8) or .xlsx file");
}

/** Whether parsed CSV output is rows of strings. */
function isRows(value: unknown): value is string[][] {
  return (
    Array.isArray(value) &&
    value.every((row) => Array.isArray(row) && row.every((c) => typeof c === "string"))
  );
}

/** Rows of a UTF-8 CSV file (BOM or not), row 1 first. */
function readCsv(buffer: Buffer): Cell[][] {
  let parsed: unknown;
  try {
    parsed = parse(buffer, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpProblem(422, `the CSV file cannot be read: ${reason}`, [
      { path: "/file", code: "unreadable", message: reason },
    ]);
  }
  if (!isRows(parsed)) throw new HttpProblem(422, "the CSV file cannot be read");
  return parsed;
}

/** Whether a value is an object with a property of a type. */
function has<K extends string>(value: unknown, key: K): value is Record<K, unknown> {
  return typeof value === "object" && value !== null && key in value;
}

/** A plain cell from an ExcelJS cell value (rich text joined, formulas by result, errors empty). */
function excelCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (has(value, "richText") && Array.isArray(value.richText)) {
    return value.richText.map((part: unknown) => (has(part, "text") ? String(part.text) : "")).join("");
  }
  if (has(value, "result")) return excelCell(value.result);
  if (has(value, "text")) return excelCell(value.text);
  return null;
}

/** Rows of the first sheet of an XLSX file, row 1 first (missing rows empty). */
async function readXlsx(buffer: Buffer): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpProblem(422, `the XLSX file cannot be read: ${reason}`, [
      { path: "/file", code: "unreadable", message: reason },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  const rows: Cell[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(excelCell(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** The rows of an uploaded CSV or XLSX file (the first is the header row); 422 past the row limit. */
export async function readSheet(kind: SheetKind, buffer: Buffer): Promise<Cell[][]> {
  const rows = kind === "csv" ? readCsv(buffer) : await readXlsx(buffer);
  const data = rows.slice(1).filter((row) => row.some((cell) => !isBlank(cell))).length;
  if (data > MAX_IMPORT_ROWS) throw tooManyRows();
  return rows;
}
