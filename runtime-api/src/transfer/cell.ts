/** One cell of an uploaded sheet: text from CSV; text, number, boolean or date from XLSX; null when empty. */
export type Cell = string | number | boolean | Date | null;

/** A date cell as the calendar date it shows (Excel stores dates as UTC midnight). */
export function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whether a cell holds nothing (null or only whitespace). */
export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** The text a cell shows, trimmed (dates as YYYY-MM-DD). */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return utcDate(cell);
  return String(cell).trim();
}
