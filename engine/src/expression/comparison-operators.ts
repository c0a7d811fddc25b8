/** JSON Logic's equality and ordering operators, with JavaScript's coercions made safe. */
import { looseCompare, looseEquals } from "./json-coercion.js";
import type { CompiledArg, Evaluator, OperatorDefinition, OperatorGroup } from "./operator-definition.js";
import { ABSENT } from "./operator-definition.js";
import { binary } from "./operator-shapes.js";

/** Names of the comparison operators. */
export type ComparisonOperatorName = "==" | "===" | "!=" | "!==" | ">" | ">=" | "<" | "<=";

type Relation = (left: unknown, right: unknown) => boolean;

/** < and <= also take three arguments: "between" (exclusive or inclusive). */
function between(relation: Relation): OperatorDefinition {
  return {
    minArgs: 2,
    maxArgs: 3,
    compile: (args: readonly CompiledArg[]): Evaluator => {
      const [low = ABSENT, middle = ABSENT, high = ABSENT] = args;
      const a = low.run;
      const b = middle.run;
      if (args.length === 2) return (data, ctx) => relation(a(data, ctx), b(data, ctx));
      const c = high.run;
      return (data, ctx) => {
        const x = a(data, ctx);
        const y = b(data, ctx);
        const z = c(data, ctx);
        // JSON Logic treats an undefined third value as the two-argument form.
        return z === undefined ? relation(x, y) : relation(x, y) && relation(y, z);
      };
    },
  };
}

/** Handlers of the comparison operators. */
export const COMPARISON_OPERATORS: OperatorGroup<ComparisonOperatorName> = {
  "==": binary(looseEquals),
  "===": binary((a, b) => a === b),
  "!=": binary((a, b) => !looseEquals(a, b)),
  "!==": binary((a, b) => a !== b),
  ">": binary((a, b) => looseCompare(a, b) > 0),
  ">=": binary((a, b) => looseCompare(a, b) >= 0),
  "<": between((a, b) => looseCompare(a, b) < 0),
  "<=": between((a, b) => looseCompare(a, b) <= 0),
};
