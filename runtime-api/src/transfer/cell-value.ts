import type { Field } from "@stagecraft/schemas";
import { cellText, isBlank, utcDate, type Cell } from "./cell.js";

const TRUE_WORDS = new Set(["true", "yes", "y", "是", "1", "对"]);
const FALSE_WORDS = new Set(["false", "no", "n", "否", "0", "错"]);
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A number from text: thousands separators and a leading currency sign allowed; the text if not numeric. */
function numberOf(text: string): number | string {
  const compact = text.replace(/^[¥￥$€£]/, "").replace(/\s/g, "");
  const plain = GROUPED.test(compact) ? compact.replace(/,/g, "") : compact;
  const value = plain === "" ? Number.NaN : Number(plain);
  return Number.isFinite(value) ? value : text;
}

/** An option's value named by its value or its label (zh or en, case-insensitive); the text if none. */
function optionOf(
  options: readonly { value: string; label: { zh: string; en: string } }[],
  text: string,
): string {
  const exact = options.find((o) => o.value === text);
  if (exact !== undefined) return exact.value;
  const key = text.toLowerCase();
  const match = options.find(
    (o) =>
      o.value.toLowerCase() === key || o.label.zh.toLowerCase() === key || o.label.en.toLowerCase() === key,
  );
  return match?.value ?? text;
}

/** Items of a list cell, separated by `;` or `,` (full-width too). */
function listOf(text: string): string[] {
  return text
    .split(/[;,；，]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** A date from text: YYYY-MM-DD, or YYYY/M/D padded; the text if neither. */
function dateOf(text: string): string {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match === null) return text;
  const [, y = "", m = "", d = ""] = match;
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/**
 * The record value of one cell for a field, or undefined when the cell is empty (absent). A cell
 * that does not convert is passed on as its text, so the engine names it with the row's other errors.
 */
export function cellValue(field: Field, cell: Cell): unknown {
  if (isBlank(cell)) return undefined;
  const text = cellText(cell);
  switch (field.type) {
    case "number":
    case "money":
    case "rating":
      return typeof cell === "number" ? cell : numberOf(text);
    case "percent": {
      if (typeof cell === "number") return cell;
      if (!text.endsWith("%")) return numberOf(text);
      const value = numberOf(text.slice(0, -1));
      return typeof value === "number" ? value / 100 : text;
    }
    case "boolean": {
      if (typeof cell === "boolean") return cell;
      const key = text.toLowerCase();
      if (TRUE_WORDS.has(key)) return true;
      if (FALSE_WORDS.has(key)) return false;
      return text;
    }
    case "date":
      return cell instanceof Date ? utcDate(cell) : dateOf(text);
    case "datetime":
      return cell instanceof Date ? cell.toISOString() : text;
    case "select":
      return optionOf(field.options, text);
    case "multiselect":
      return listOf(text).map((item) => optionOf(field.options, item));
    case "user":
    case "department":
    case "reference":
      return field.multiple === true ? listOf(text) : text;
    default:
      return text;
  }
}
