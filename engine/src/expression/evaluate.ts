import { compileExpression } from "./compile-expression.js";
import type { EvalContext } from "./eval-context.js";

/** Compiles and runs an expression once; compile with compileExpression to evaluate it repeatedly. */
export function evaluate(expr: unknown, data: unknown, ctx?: EvalContext): unknown {
  return compileExpression(expr)(data, ctx);
}
