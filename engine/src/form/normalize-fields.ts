import { escapePointer, FORBIDDEN_KEYS } from "@stagecraft/schemas";
import type { FieldSetPlan, SubformPlan } from "./field-plan.js";
import { ABSENT, emptyData, INVALID, isPlainObject } from "./field-value.js";
import type { IssueCollector } from "./issue-collector.js";
import { checkCount } from "./normalize-choice.js";

/** How an object's values are taken: from the input (strict keys, defaults) or from stored data. */
export interface NormalizeMode {
  /** Report unknown and forbidden keys of the input. */
  readonly strictKeys: boolean;
  /** Use definition defaults for absent fields. */
  readonly defaults: boolean;
  /** Whether the object is a subform row (issues are then owned by the row field). */
  readonly inRow: boolean;
}

const ROW_MODE: NormalizeMode = { strictKeys: true, defaults: true, inRow: true };
const STORED_ROW_MODE: NormalizeMode = { strictKeys: false, defaults: false, inRow: true };

/**
 * Report every key of the input that is forbidden, unknown, or a section's (sections hold no
 * value). `matched` input keys are known to be value fields already.
 */
function checkKeys(
  set: FieldSetPlan,
  input: Readonly<Record<string, unknown>>,
  issues: IssueCollector,
  matched: number,
): void {
  const keys = Object.keys(input);
  let known = matched;
  for (const plan of set.ignored) if (Object.hasOwn(input, plan.id)) known++;
  // The common case: every key named a field whose value is read or ignored; no lookups needed.
  if (keys.length === known) return;
  for (const key of keys) {
    const plan = set.byId.get(key);
    if (plan === undefined) {
      if (FORBIDDEN_KEYS.includes(key)) {
        issues.report(`/${key}`, "forbidden_key", `"${key}" may not be used as a key`);
      } else {
        issues.report(`/${escapePointer(key)}`, "unknown_field", "is not a field of this form");
      }
    } else if (plan.kind === "section") {
      issues.report(plan.path, "unknown_field", "is a section: it holds no value");
    }
  }
}

/**
 * Normalize the value fields of one object (a record, or a subform row): each value comes from
 * the input, else from `previous` (PATCH), else from the field's default when the mode allows.
 * null and empty values leave the field out; invalid ones are reported and left out too.
 */
export function normalizeFields(
  set: FieldSetPlan,
  input: Readonly<Record<string, unknown>>,
  previous: Readonly<Record<string, unknown>> | undefined,
  issues: IssueCollector,
  mode: NormalizeMode,
): Record<string, unknown> {
  const data = emptyData();
  let matched = 0;
  for (const plan of set.inputs) {
    let raw: unknown;
    let fromInput = true;
    if (Object.hasOwn(input, plan.id)) {
      raw = input[plan.id];
      matched++;
    } else if (previous !== undefined) {
      raw = Object.hasOwn(previous, plan.id) ? previous[plan.id] : undefined;
      fromInput = false;
    } else if (mode.defaults && plan.hasDefault) {
      raw = plan.defaultValue;
    }
    if (raw === undefined || raw === null) continue;
    if (mode.inRow) issues.rowField = plan.index;
    else issues.field = plan.index;
    const value =
      plan.kind === "value" ? plan.normalize(raw, issues) : normalizeRows(plan, raw, issues, fromInput);
    if (value !== ABSENT && value !== INVALID) data[plan.id] = value;
  }
  if (mode.inRow) issues.rowField = -1;
  else issues.field = -1;
  if (mode.strictKeys) checkKeys(set, input, issues, matched);
  return data;
}

/**
 * Normalize a subform's rows: an array of row objects within maxRows (minRows when not empty),
 * each normalized with the row fields. Rows keep their positions so issue paths match the input.
 */
function normalizeRows(
  plan: SubformPlan,
  value: unknown,
  issues: IssueCollector,
  fromInput: boolean,
): unknown {
  const path = plan.path;
  if (!Array.isArray(value)) {
    issues.report(path, "type", "must be a list of rows");
    return INVALID;
  }
  if (value.length === 0) return ABSENT;
  // Too many rows: refuse before doing work proportional to the input.
  if (!checkCount(value.length, undefined, plan.maxRows, path, issues)) return INVALID;
  checkCount(value.length, plan.minRows, undefined, path, issues);
  // A row that is not an object is kept as null (the submission fails): computing and required checks skip it.
  const rows: unknown[] = [];
  const mode = fromInput ? ROW_MODE : STORED_ROW_MODE;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    issues.row = r;
    if (isPlainObject(row)) {
      issues.prefix = `${path}/${r}`;
      rows.push(normalizeFields(plan.rows, row, undefined, issues, mode));
      issues.prefix = "";
    } else {
      issues.report(`${path}/${r}`, "type", "must be a row object");
      rows.push(null);
    }
  }
  issues.row = -1;
  return rows;
}
