/**
 * Static analysis of expressions, for dependency ordering: thin wrappers over analyzeExpression of
 * @stagecraft/schemas, so the engine and the definition validator agree on what an expression
 * reads. The walk is tolerant (it reports what it finds in any JSON; compileExpression is the
 * validator) and iterative, so a deep or cyclic value cannot overflow the stack.
 */
import { analyzeExpression, type ExpressionAnalysis } from "@stagecraft/schemas";
import { ExpressionError } from "./expression-error.js";

/** Nesting beyond which analysis gives up (only a cyclic value or a pathological one gets there). */
const ANALYSIS_DEPTH_LIMIT = 10_000;

/** The analysis of an expression; throws EXPR_TOO_DEEP past the analysis limit. */
function analyze(expr: unknown): ExpressionAnalysis {
  const analysis = analyzeExpression(expr, ANALYSIS_DEPTH_LIMIT);
  const tooDeep = analysis.issues.find((issue) => issue.code === "expression_too_deep");
  if (tooDeep !== undefined) {
    throw new ExpressionError("EXPR_TOO_DEEP", tooDeep.path, "expression is too deep to analyze");
  }
  return analysis;
}

/**
 * Every literal data path an expression reads at the top level, de-duplicated in order of
 * appearance: the paths of `var` and the literal keys of `missing`/`missing_some`. Paths inside
 * per-row arguments (the second argument of map, filter, reduce, all, none, some, sum_of, avg_of,
 * min_of, max_of, count_where) are relative to each row and are left out; the row list itself
 * (e.g. {"var": "lines"}) is reported. Computed paths cannot be known and are left out, and so are
 * paths through __proto__, constructor or prototype (compileExpression refuses them).
 */
export function collectVars(expr: unknown): string[] {
  return analyze(expr).vars;
}

/** The ids of every `aggregate` an expression uses (anywhere, rows included), de-duplicated. */
export function collectAggregates(expr: unknown): string[] {
  // The validator reports an empty id as an unknown aggregate; as a dependency it names nothing.
  return analyze(expr).aggregates.filter((id) => id !== "");
}

/** The nesting depth of an expression: each operation and literal array counts one; scalars zero. */
export function expressionDepth(expr: unknown): number {
  return analyze(expr).depth;
}
