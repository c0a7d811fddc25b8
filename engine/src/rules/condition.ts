import type { EngineContext } from "../context.js";
import type { CompiledExpression, EvalContext } from "../expression/index.js";
import { ExpressionError, truthy } from "../expression/index.js";

/** The evaluation context of guards, conditions and action values: the caller's time and zone. */
export function evalContextOf(ctx: EngineContext, appTimeZone: string): EvalContext {
  return {
    now: ctx.now,
    timeZone: ctx.timeZone ?? appTimeZone,
    ...(ctx.aggregates !== undefined ? { aggregates: ctx.aggregates } : {}),
  };
}

/**
 * Whether a compiled condition holds for the data (JSON Logic truthiness). An absent condition
 * holds; one that fails with an ExpressionError answers `onError` (default false: fail closed).
 * Other errors are bugs and propagate.
 */
export function conditionHolds(
  condition: CompiledExpression | undefined,
  data: unknown,
  evalContext: EvalContext,
  onError = false,
): boolean {
  if (condition === undefined) return true;
  try {
    return truthy(condition(data, evalContext));
  } catch (error) {
    if (error instanceof ExpressionError) return onError;
    throw error;
  }
}
