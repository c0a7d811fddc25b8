import { ABSENT, INVALID, type IssueReporter, type Normalizer } from "./field-value.js";
import type { FieldOf } from "./field-of.js";
import type { FieldSite } from "./field-site.js";

/** Booleans: true/false, or the text "true"/"false". */
export function booleanNormalizer(site: FieldSite): Normalizer {
  const path = site.path;
  return (value, report) => {
    if (typeof value === "boolean") return value;
    if (value === "true") return true;
    if (value === "false") return false;
    if (value === "") return ABSENT;
    report.report(path, "type", "must be true or false");
    return INVALID;
  };
}

/** Selects: one option value. */
export function selectNormalizer(field: FieldOf<"select">, site: FieldSite): Normalizer {
  const path = site.path;
  const options: ReadonlySet<string> = new Set(field.options.map((o) => o.value));
  return (value, report) => {
    if (value === "") return ABSENT;
    if (typeof value !== "string") {
      report.report(path, "type", "must be an option value");
      return INVALID;
    }
    if (options.has(value)) return value;
    report.report(path, "option", "is not one of the options", { value });
    return INVALID;
  };
}

/** Report `min_items`/`max_items` for a list of `count` items; whether it was within bounds. */
export function checkCount(
  count: number,
  min: number | undefined,
  max: number | undefined,
  path: string,
  report: IssueReporter,
): boolean {
  if (min !== undefined && count < min) {
    report.report(path, "min_items", `must have at least ${min} items`, { limit: min });
    return false;
  }
  if (max !== undefined && count > max) {
    report.report(path, "max_items", `must have at most ${max} items`, { limit: max });
    return false;
  }
  return true;
}

/** Multiselects: an array of distinct option values, between minSelected and maxSelected. */
export function multiselectNormalizer(field: FieldOf<"multiselect">, site: FieldSite): Normalizer {
  const path = site.path;
  const options: ReadonlySet<string> = new Set(field.options.map((o) => o.value));
  const { minSelected, maxSelected } = field;
  return (value, report) => {
    if (!Array.isArray(value)) {
      report.report(path, "type", "must be a list of option values");
      return INVALID;
    }
    if (value.length === 0) return ABSENT;
    // More items than options cannot be valid: stop before scanning a huge array.
    if (
      !checkCount(value.length, undefined, Math.min(maxSelected ?? options.size, options.size), path, report)
    ) {
      return INVALID;
    }
    let ok = true;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== "string") {
        report.report(`${path}/${i}`, "type", "must be an option value");
        ok = false;
      } else if (!options.has(item)) {
        report.report(`${path}/${i}`, "option", "is not one of the options", { value: item });
        ok = false;
      } else if (value.indexOf(item) < i) {
        // Quadratic, but the list is never longer than the options (checked above).
        report.report(`${path}/${i}`, "unique_items", "is selected twice", { value: item });
        ok = false;
      }
    }
    if (ok) ok = checkCount(value.length, minSelected, maxSelected, path, report);
    return ok ? value.slice() : INVALID;
  };
}
