import type { FormulaField } from "@stagecraft/schemas";
import { isCalendarDate } from "./calendar-text.js";
import { roundToScale, toFiniteNumber } from "./decimal.js";
import { isTruthy } from "./field-value.js";
import { numberScale } from "./normalize-number.js";

/** Turns whatever a formula's expression produced into a value of the formula's result type. */
export type FormulaCoercer = (value: unknown) => unknown;

/**
 * The coercer of a formula's `resultType`: number/money/percent → a finite number rounded to the
 * precision, text → a string, date → "YYYY-MM-DD", boolean → JSON Logic truthiness; null when the
 * value has no such reading (and for null or undefined, whatever the type).
 */
export function formulaCoercer(field: FormulaField): FormulaCoercer {
  switch (field.resultType) {
    case "number":
    case "money":
    case "percent": {
      const scale = numberScale(field.resultType, field.precision);
      return (value) => {
        // Booleans and arrays are not numbers here, although JSON Logic arithmetic accepts them.
        const number =
          typeof value === "string" || typeof value === "number" ? toFiniteNumber(value) : undefined;
        if (number === undefined) return null;
        return scale === undefined ? number : roundToScale(number, scale);
      };
    }
    case "text":
      return (value) => {
        if (typeof value === "string") return value;
        if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
        if (typeof value === "boolean") return String(value);
        return null;
      };
    case "date":
      return (value) => (typeof value === "string" && isCalendarDate(value) ? value : null);
    case "boolean":
      return (value) => (value === null || value === undefined ? null : isTruthy(value));
  }
}
