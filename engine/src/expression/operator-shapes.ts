/** Shapes many operators share, so each operator states only what it computes. */
import type { EvalContext } from "./eval-context.js";
import type { Evaluator, OperatorDefinition } from "./operator-definition.js";
import { ABSENT } from "./operator-definition.js";

/** An operator of exactly two arguments, both evaluated (left first) and passed to `apply`. */
export function binary(
  apply: (left: unknown, right: unknown, ctx?: EvalContext) => unknown,
): OperatorDefinition {
  return {
    minArgs: 2,
    maxArgs: 2,
    compile: ([left = ABSENT, right = ABSENT]) => {
      const a = left.run;
      const b = right.run;
      return (data, ctx) => apply(a(data, ctx), b(data, ctx), ctx);
    },
  };
}

/**
 * An operator of a list and an expression run once per element with the element as data (map,
 * filter, all, some, none and the row folds): `apply` gets the list's value, whatever it is.
 */
export function perElement(
  apply: (list: unknown, each: Evaluator, ctx?: EvalContext) => unknown,
): OperatorDefinition {
  return {
    minArgs: 2,
    maxArgs: 2,
    compile: ([list = ABSENT, expression = ABSENT]) => {
      const items = list.run;
      const each = expression.run;
      return (data, ctx) => apply(items(data, ctx), each, ctx);
    },
  };
}
