import type { EngineContext } from "../context.js";
import type { EvalContext } from "../expression/index.js";
import type { CompiledForm } from "./compile-form.js";
import type { FieldSetPlan } from "./field-plan.js";
import { emptyData, isPlainObject } from "./field-value.js";
import { evalContextOf, runSteps, withSystem } from "./run-steps.js";
import { clearHiddenValues, type ClearedVisibility } from "./visibility.js";

/**
 * Compute a record in place as a submission does: formulas in dependency order, then visibility
 * (hidden values cleared), then formulas again when anything was cleared, so that no formula
 * depends on a hidden value.
 */
export function computeRecord(
  set: FieldSetPlan,
  data: Record<string, unknown>,
  ctx: EvalContext,
): ClearedVisibility {
  runSteps(set, data, ctx);
  const visibility = clearHiddenValues(set, data, ctx);
  if (visibility.cleared) runSteps(set, data, ctx, visibility.hidden, visibility.rowHidden);
  return visibility;
}

/** A copy of an object holding only the fields of `set` that carry values (not formulas or sections). */
function copyKnown(set: FieldSetPlan, data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copy = emptyData();
  for (const plan of set.plans) {
    if (plan.kind === "formula" || plan.kind === "section" || !Object.hasOwn(data, plan.id)) continue;
    const value = data[plan.id];
    copy[plan.id] =
      plan.kind === "subform" && Array.isArray(value)
        ? value.map((row: unknown) => (isPlainObject(row) ? copyKnown(plan.rows, row) : row))
        : value;
  }
  return copy;
}

/**
 * For the live preview: a copy of `data` (its known fields, unvalidated) with every formula and
 * row formula computed exactly as submit computes them; values of hidden fields are left out.
 */
export function computeFormulas(
  form: CompiledForm,
  data: Readonly<Record<string, unknown>>,
  ctx: EngineContext,
): Record<string, unknown> {
  const copy = copyKnown(form.plan, data);
  withSystem(copy, ctx, () => computeRecord(form.plan, copy, evalContextOf(ctx)));
  return copy;
}
