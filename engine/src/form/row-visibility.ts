import type { EngineContext } from "../context.js";
import type { CompiledForm } from "./compile-form.js";
import { isPlainObject } from "./field-value.js";
import { evalContextOf, withParent, withSystem } from "./run-steps.js";
import { hiddenFlags } from "./visibility.js";

/**
 * For each subform of the form, the ids of the row fields visible in each row of `data` (pass
 * computed data, e.g. from computeFormulas), evaluated as submit evaluates them: a row condition
 * sees its own row and the record as `_parent`. `data` is left untouched.
 */
export function visibleRowFields(
  form: CompiledForm,
  data: Readonly<Record<string, unknown>>,
  ctx: EngineContext,
): Map<string, Set<string>[]> {
  const evalCtx = evalContextOf(ctx);
  const view = { ...data };
  const result = new Map<string, Set<string>[]>();
  withSystem(view, ctx, () => {
    for (const subform of form.plan.subforms) {
      const rows = view[subform.id];
      if (!Array.isArray(rows)) continue;
      result.set(
        subform.id,
        rows.map((row: unknown) => {
          const copy = isPlainObject(row) ? { ...row } : {};
          const flags = withParent(copy, view, () => hiddenFlags(subform.rows, copy, evalCtx));
          const visible = new Set<string>();
          for (const plan of subform.rows.plans) if (flags?.[plan.index] !== 1) visible.add(plan.id);
          return visible;
        }),
      );
    }
  });
  return result;
}
