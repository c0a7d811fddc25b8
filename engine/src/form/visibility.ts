import type { EngineContext } from "../context.js";
import type { EvalContext } from "../expression/index.js";
import type { CompiledForm } from "./compile-form.js";
import type { FieldSetPlan } from "./field-plan.js";
import { isPlainObject, isTruthy } from "./field-value.js";
import { evalContextOf, evaluateSafely, withParent, withSystem, type RowHidden } from "./run-steps.js";

/**
 * Hidden flags of a field set over `data` (1 = hidden), or undefined when nothing can hide. A field
 * after a hidden section is hidden; a visibleWhen that fails at run time reads as null (hidden).
 */
export function hiddenFlags(set: FieldSetPlan, data: unknown, ctx: EvalContext): Uint8Array | undefined {
  if (!set.hasVisibility) return undefined;
  const flags = new Uint8Array(set.plans.length);
  for (const plan of set.plans) {
    if (plan.section >= 0 && flags[plan.section] === 1) {
      flags[plan.index] = 1;
    } else if (plan.visibleWhen !== undefined && !isTruthy(evaluateSafely(plan.visibleWhen, data, ctx))) {
      flags[plan.index] = 1;
    }
  }
  return flags;
}

/** Visibility of a record and its rows after hidden values were cleared. */
export interface ClearedVisibility {
  readonly hidden: Uint8Array | undefined;
  readonly rowHidden: RowHidden | undefined;
  /** Whether any value was removed (formulas must then run again). */
  readonly cleared: boolean;
}

/** Remove the values of hidden fields (serials keep theirs); whether any was removed. */
function clearHidden(set: FieldSetPlan, data: Record<string, unknown>, flags: Uint8Array): boolean {
  let cleared = false;
  for (const plan of set.plans) {
    if (flags[plan.index] === 1 && plan.kind !== "serial" && data[plan.id] !== undefined) {
      Reflect.deleteProperty(data, plan.id);
      cleared = true;
    }
  }
  return cleared;
}

/** Evaluate visibility on computed data and clear hidden values, in the record and in its rows. */
export function clearHiddenValues(
  set: FieldSetPlan,
  data: Record<string, unknown>,
  ctx: EvalContext,
): ClearedVisibility {
  const hidden = hiddenFlags(set, data, ctx);
  let cleared = hidden !== undefined && clearHidden(set, data, hidden);
  let rowHidden: Map<number, (Uint8Array | undefined)[]> | undefined;
  for (const subform of set.subforms) {
    const rows = data[subform.id];
    if (!subform.rows.hasVisibility || !Array.isArray(rows)) continue;
    const perRow = rows.map((row: unknown) => {
      if (!isPlainObject(row)) return undefined;
      return withParent(row, data, () => {
        const flags = hiddenFlags(subform.rows, row, ctx);
        if (flags !== undefined && clearHidden(subform.rows, row, flags)) cleared = true;
        return flags;
      });
    });
    rowHidden ??= new Map();
    rowHidden.set(subform.index, perRow);
  }
  return { hidden, rowHidden, cleared };
}

/** Ids of the form's top-level fields visible for `data` (pass computed data, e.g. from computeFormulas). */
export function visibleFields(
  form: CompiledForm,
  data: Readonly<Record<string, unknown>>,
  ctx: EngineContext,
): Set<string> {
  const view = { ...data };
  const flags = withSystem(view, ctx, () => hiddenFlags(form.plan, view, evalContextOf(ctx)));
  const visible = new Set<string>();
  for (const plan of form.plan.plans) if (flags?.[plan.index] !== 1) visible.add(plan.id);
  return visible;
}

/** Ids of the form's top-level fields whose readOnlyWhen holds for `data`. */
export function readOnlyFields(
  form: CompiledForm,
  data: Readonly<Record<string, unknown>>,
  ctx: EngineContext,
): Set<string> {
  const evalCtx = evalContextOf(ctx);
  const readOnly = new Set<string>();
  const view = { ...data };
  withSystem(view, ctx, () => {
    for (const plan of form.plan.plans) {
      if (plan.readOnlyWhen !== undefined && isTruthy(evaluateSafely(plan.readOnlyWhen, view, evalCtx)))
        readOnly.add(plan.id);
    }
  });
  return readOnly;
}
