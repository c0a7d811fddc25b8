import { ABSENT, INVALID, type Normalizer } from "./field-value.js";
import { roundToScale, scaleOf, toFiniteNumber } from "./decimal.js";
import type { FieldOf } from "./field-of.js";
import type { FieldSite } from "./field-site.js";

/** Decimal places a field keeps when its definition sets none (undefined: no rounding). */
export function defaultPrecision(type: "number" | "money" | "percent"): number | undefined {
  return type === "money" ? 2 : undefined;
}

/**
 * The scale a number is rounded to. A percent is stored as a fraction but its precision counts
 * places of the percentage people see, so 12.5 % with precision 1 keeps 0.125.
 */
export function numberScale(
  type: "number" | "money" | "percent",
  precision: number | undefined,
): number | undefined {
  const places = precision ?? defaultPrecision(type);
  if (places === undefined) return undefined;
  return scaleOf(type === "percent" ? places + 2 : places);
}

function numberOrAbsent(value: unknown): number | typeof ABSENT | undefined {
  if (typeof value === "string" && value.trim() === "") return ABSENT;
  return toFiniteNumber(value);
}

/** Number, money and percent: finite numbers or numeric text, rounded, within min/max. */
export function numberNormalizer(
  field: FieldOf<"number"> | FieldOf<"money"> | FieldOf<"percent">,
  site: FieldSite,
): Normalizer {
  const path = site.path;
  const scale = numberScale(field.type, field.precision);
  const { min, max } = field;
  return (value, report) => {
    const parsed = numberOrAbsent(value);
    if (parsed === ABSENT) return ABSENT;
    if (parsed === undefined) {
      report.report(path, "type", "must be a number");
      return INVALID;
    }
    const number = scale === undefined ? parsed : roundToScale(parsed, scale);
    if (min !== undefined && number < min) {
      report.report(path, "minimum", `must be at least ${min}`, { limit: min });
      return INVALID;
    }
    if (max !== undefined && number > max) {
      report.report(path, "maximum", `must be at most ${max}`, { limit: max });
      return INVALID;
    }
    return number;
  };
}

/** Ratings: a whole number from 1 to max (default 5). */
export function ratingNormalizer(field: FieldOf<"rating">, site: FieldSite): Normalizer {
  const path = site.path;
  const max = field.max ?? 5;
  return (value, report) => {
    const number = numberOrAbsent(value);
    if (number === ABSENT) return ABSENT;
    if (number === undefined || !Number.isInteger(number)) {
      report.report(path, "type", "must be a whole number");
      return INVALID;
    }
    if (number < 1) {
      report.report(path, "minimum", "must be at least 1", { limit: 1 });
      return INVALID;
    }
    if (number > max) {
      report.report(path, "maximum", `must be at most ${max}`, { limit: max });
      return INVALID;
    }
    return number;
  };
}
