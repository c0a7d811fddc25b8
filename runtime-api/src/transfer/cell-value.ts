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

/** The value a JSON text holds, or undefined when the text is not JSON. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A subform cell: its rows as a JSON array of row objects keyed by row field id, the encoding an
 * export writes (`[{"product":"Widget","qty":2}]`). Formula values in rows are ignored (the engine
 * recomputes them). Text that is not JSON is passed on, and the engine names it.
 */
function rowsOf(text: string): unknown {
  return parsedJson(text) ?? text;
}

/**
 * An address cell: the JSON object an export writes (`{"province":…,"city":…,"detail":…}`), or
 * plain text taken as the street detail.
 */
function addressOf(text: string): unknown {
  const value = parsedJson(text);
  return typeof value === "object" && value !== null ? value : { detail: text };
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
    case "subform":
      return rowsOf(text);
    case "address":
      return addressOf(text);
    case "user":
    case "department":
    case "reference":
      return field.multiple === true ? listOf(text) : text;
    default:
      return text;
  }
}
