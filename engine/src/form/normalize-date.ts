import { isCalendarDate, toUtcInstant } from "./calendar-text.js";
import { ABSENT, INVALID, type Normalizer } from "./field-value.js";
import type { FieldOf } from "./field-of.js";
import type { FieldSite } from "./field-site.js";

/** Dates: "YYYY-MM-DD" naming a real calendar day, within min/max. */
export function dateNormalizer(field: FieldOf<"date">, site: FieldSite): Normalizer {
  const path = site.path;
  const { min, max } = field;
  return (value, report) => {
    if (typeof value !== "string") {
      report.report(path, "type", "must be a date (YYYY-MM-DD)");
      return INVALID;
    }
    const text = value.trim();
    if (text === "") return ABSENT;
    if (!isCalendarDate(text)) {
      report.report(path, "format", "must be a date (YYYY-MM-DD)");
      return INVALID;
    }
    // Same-width ISO dates order like their text.
    if (min !== undefined && text < min) {
      report.report(path, "minimum", `must be on or after ${min}`, { limit: min });
      return INVALID;
    }
    if (max !== undefined && text > max) {
      report.report(path, "maximum", `must be on or before ${max}`, { limit: max });
      return INVALID;
    }
    return text;
  };
}

/** Datetimes: ISO 8601 with an offset, stored as UTC ("2026-03-01T01:30:00.000Z"). */
export function datetimeNormalizer(site: FieldSite): Normalizer {
  const path = site.path;
  return (value, report) => {
    if (typeof value !== "string") {
      report.report(path, "type", "must be a date and time (ISO 8601)");
      return INVALID;
    }
    const text = value.trim();
    if (text === "") return ABSENT;
    const instant = toUtcInstant(text);
    if (instant !== undefined) return instant;
    report.report(path, "format", "must be ISO 8601 with a time zone offset");
    return INVALID;
  };
}
