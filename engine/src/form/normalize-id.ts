import { ABSENT, INVALID, type IssueReporter, type Normalizer } from "./field-value.js";
import type { FieldOf } from "./field-of.js";
import type { FieldSite } from "./field-site.js";
import { checkCount } from "./normalize-choice.js";

/** Longest id of a user, department or record. */
export const ID_MAX_LENGTH = 128;
/** Most ids one multiple user/department/reference field holds. */
export const IDS_MAX_ITEMS = 1000;

function idOf(value: unknown, path: string, report: IssueReporter): string | undefined {
  if (typeof value !== "string" || value.trim() === "") {
    report.report(path, "type", "must be an id");
    return undefined;
  }
  const id = value.trim();
  if (id.length <= ID_MAX_LENGTH) return id;
  report.report(path, "max_length", `must be at most ${ID_MAX_LENGTH} characters`, { limit: ID_MAX_LENGTH });
  return undefined;
}

/** Users, departments and references: an id, or an array of distinct ids when `multiple`. */
export function idNormalizer(
  field: FieldOf<"user"> | FieldOf<"department"> | FieldOf<"reference">,
  site: FieldSite,
): Normalizer {
  const path = site.path;
  if (field.multiple !== true) {
    return (value, report) => {
      if (value === "") return ABSENT;
      return idOf(value, path, report) ?? INVALID;
    };
  }
  return (value, report) => {
    if (!Array.isArray(value)) {
      report.report(path, "type", "must be a list of ids");
      return INVALID;
    }
    if (value.length === 0) return ABSENT;
    if (!checkCount(value.length, undefined, IDS_MAX_ITEMS, path, report)) return INVALID;
    const ids: string[] = [];
    const seen = new Set<string>();
    let ok = true;
    for (let i = 0; i < value.length; i++) {
      const id = idOf(value[i], `${path}/${i}`, report);
      if (id === undefined) {
        ok = false;
      } else if (seen.has(id)) {
        report.report(`${path}/${i}`, "unique_items", "is listed twice", { value: id });
        ok = false;
      } else {
        seen.add(id);
        ids.push(id);
      }
    }
    return ok ? ids : INVALID;
  };
}
