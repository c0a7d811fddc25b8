import type { EngineContext } from "../context.js";
import { systemEntries } from "../record-state.js";
import { ExpressionError, type CompiledExpression, type EvalContext } from "../expression/index.js";
import { PARENT_VAR } from "./compile-field-set.js";
import type { FieldSetPlan } from "./field-plan.js";
import { isPlainObject } from "./field-value.js";

/** Hidden flags of subform rows: subform field index → one entry per row (undefined: all visible). */
export type RowHidden = ReadonlyMap<number, readonly (Uint8Array | undefined)[]>;

/** What expressions may know besides the data, taken from the engine context. */
export function evalContextOf(ctx: EngineContext): EvalContext {
  const timeZone = ctx.timeZone === undefined ? {} : { timeZone: ctx.timeZone };
  const aggregates = ctx.aggregates === undefined ? {} : { aggregates: ctx.aggregates };
  return { now: ctx.now, ...timeZone, ...aggregates };
}

/** Evaluate an expression; an ExpressionError at run time (bad data for an operator) reads as null. */
export function evaluateSafely(expression: CompiledExpression, data: unknown, ctx: EvalContext): unknown {
  try {
    return expression(data, ctx);
  } catch (err) {
    if (err instanceof ExpressionError) return null;
    throw err;
  }
}

/** Run `body` with `row._parent` pointing at the parent record, the way row expressions see it. */
export function withParent<T>(
  row: Record<string, unknown>,
  parent: Record<string, unknown>,
  body: () => T,
): T {
  row[PARENT_VAR] = parent;
  try {
    return body();
  } finally {
    Reflect.deleteProperty(row, PARENT_VAR);
  }
}

/**
 * Run `body` with the record's system columns (`_stage`, `_owner`, …) readable from `data`, when
 * the context carries them; they are removed again, so they never reach the stored data.
 */
export function withSystem<T>(data: Record<string, unknown>, ctx: EngineContext, body: () => T): T {
  if (ctx.record === undefined) return body();
  const entries = systemEntries(ctx.record);
  for (const [key, value] of entries) data[key] = value;
  try {
    return body();
  } finally {
    for (const [key] of entries) Reflect.deleteProperty(data, key);
  }
}

/**
 * Compute the formulas of a field set over `data` in dependency order, including the row formulas
 * of subforms (each row sees its own fields and `_parent`). Hidden formulas stay cleared.
 */
export function runSteps(
  set: FieldSetPlan,
  data: Record<string, unknown>,
  ctx: EvalContext,
  hidden?: Uint8Array,
  rowHidden?: RowHidden,
): void {
  for (const step of set.steps) {
    if (hidden !== undefined && hidden[step.index] === 1) continue;
    if (step.kind === "formula") {
      data[step.id] = step.coerce(evaluateSafely(step.expression, data, ctx));
      continue;
    }
    const rows = data[step.id];
    if (!Array.isArray(rows)) continue;
    const flags = rowHidden?.get(step.index);
    for (let r = 0; r < rows.length; r++) {
      const row: unknown = rows[r];
      if (!isPlainObject(row)) continue;
      withParent(row, data, () => {
        runSteps(step.rows, row, ctx, flags?.[r]);
      });
    }
  }
}
