import type { ValidationIssue } from "@stagecraft/schemas";
import type { EngineContext } from "../context.js";
import type { CompiledForm } from "./compile-form.js";
import { computeRecord } from "./compute-record.js";
import type { FieldSetPlan } from "./field-plan.js";
import { isEmptyValue, isPlainObject } from "./field-value.js";
import { IssueCollector } from "./issue-collector.js";
import { normalizeFields, type NormalizeMode } from "./normalize-fields.js";
import { evalContextOf, withSystem } from "./run-steps.js";
import type { ClearedVisibility } from "./visibility.js";

/** submit's answer: the normalized data with formulas computed, or every issue at once. */
export type SubmitResult =
  { ok: true; data: Record<string, unknown> } | { ok: false; errors: ValidationIssue[] };

/** Options of submit. */
export interface SubmitOptions {
  /** The record's current data: the input is a PATCH merged over it (keys replace, null clears). */
  readonly previous?: Readonly<Record<string, unknown>>;
}

const RECORD_MODE: NormalizeMode = { strictKeys: true, defaults: true, inRow: false };
const PATCH_MODE: NormalizeMode = { strictKeys: true, defaults: false, inRow: false };

/** Give serial fields their number: from ctx.serials on create, the stored one on update. */
function assignSerials(
  set: FieldSetPlan,
  data: Record<string, unknown>,
  ctx: EngineContext,
  previous: Readonly<Record<string, unknown>> | undefined,
): void {
  for (const plan of set.serials) {
    if (previous !== undefined) {
      const stored = Object.hasOwn(previous, plan.id) ? previous[plan.id] : undefined;
      if (typeof stored === "string") data[plan.id] = stored;
      continue;
    }
    const serials = ctx.serials;
    const number = serials !== undefined && Object.hasOwn(serials, plan.id) ? serials[plan.id] : undefined;
    if (typeof number === "number" && Number.isSafeInteger(number) && number >= 0) {
      data[plan.id] = plan.prefix + String(number).padStart(plan.digits, "0");
    }
  }
}

/** Report `required` for visible required fields (and row fields) left empty without another issue. */
function checkRequired(
  set: FieldSetPlan,
  data: Readonly<Record<string, unknown>>,
  visibility: ClearedVisibility,
  issues: IssueCollector,
): void {
  for (const plan of set.required) {
    if (visibility.hidden?.[plan.index] === 1 || !isEmptyValue(data[plan.id])) continue;
    if (issues.owns(plan.index, -1, -1)) continue;
    issues.field = plan.index;
    issues.report(plan.path, "required", "is required");
  }
  for (const subform of set.subforms) {
    const rows = data[subform.id];
    if (subform.rows.required.length === 0 || !Array.isArray(rows)) continue;
    const flags = visibility.rowHidden?.get(subform.index);
    issues.field = subform.index;
    for (let r = 0; r < rows.length; r++) {
      const row: unknown = rows[r];
      if (!isPlainObject(row)) continue;
      issues.row = r;
      for (const plan of subform.rows.required) {
        if (flags?.[r]?.[plan.index] === 1 || !isEmptyValue(row[plan.id])) continue;
        if (issues.owns(subform.index, r, plan.index)) continue;
        issues.rowField = plan.index;
        issues.report(`${subform.path}/${r}${plan.path}`, "required", "is required");
      }
    }
  }
  issues.field = -1;
  issues.row = -1;
  issues.rowField = -1;
}

/** Whether an issue's owner is a hidden field or a hidden row field. */
function ownerHidden(
  visibility: ClearedVisibility,
): (field: number, row: number, rowField: number) => boolean {
  return (field, row, rowField) =>
    visibility.hidden?.[field] === 1 ||
    (row >= 0 && rowField >= 0 && visibility.rowHidden?.get(field)?.[row]?.[rowField] === 1);
}

/**
 * Validate and compute one submission of a form: keys checked, merged over `previous` (PATCH),
 * defaults (create), every value normalized, subform rows, formulas, visibility (hidden values
 * cleared, their issues dropped), required fields, serials. Never throws for any input.
 */
export function submit(
  form: CompiledForm,
  input: unknown,
  ctx: EngineContext,
  options: SubmitOptions = {},
): SubmitResult {
  if (!isPlainObject(input)) {
    return { ok: false, errors: [{ path: "", code: "type", message: "must be an object of field values" }] };
  }
  const set = form.plan;
  const previous = options.previous;
  const issues = new IssueCollector();
  const data = normalizeFields(
    set,
    input,
    previous,
    issues,
    previous === undefined ? RECORD_MODE : PATCH_MODE,
  );
  assignSerials(set, data, ctx, previous);
  const visibility = withSystem(data, ctx, () => computeRecord(set, data, evalContextOf(ctx)));
  checkRequired(set, data, visibility, issues);
  if (issues.issues.length === 0) return { ok: true, data };
  const errors = issues.visibleIssues(ownerHidden(visibility));
  return errors.length === 0 ? { ok: true, data } : { ok: false, errors };
}
