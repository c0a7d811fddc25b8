import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { TextTable } from "./export-table.js";

/** The content types of the export formats. */
export const SHEET_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** A table as CSV with a UTF-8 BOM (so Excel reads Chinese correctly). */
export function csvBuffer(table: TextTable): Buffer {
  return Buffer.from(`\uFEFF${stringify(table, { record_delimiter: "\r\n" })}`, "utf8");
}

/** A table as an XLSX workbook of one sheet, every cell text (empty text as an empty cell). */
export async function xlsxBuffer(table: TextTable, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || "Sheet1");
  for (const row of table) sheet.addRow(row.map((cell) => (cell === "" ? null : cell)));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written);
}
