/** JSON Logic's branching and boolean operators (jsonlogic.com semantics). */
import { truthy } from "./json-coercion.js";
import type { CompiledArg, Evaluator, OperatorGroup } from "./operator-definition.js";
import { ABSENT } from "./operator-definition.js";

/** Names of the logic operators. */
export type LogicOperatorName = "if" | "?:" | "and" | "or" | "!" | "!!";

/** if/then/else-if chains: odd trailing argument is the else; no match without else gives null. */
function compileIf(args: readonly CompiledArg[]): Evaluator {
  const runs = args.map((arg) => arg.run);
  if (runs.length === 3) {
    const [test = ABSENT.run, then = ABSENT.run, otherwise = ABSENT.run] = runs;
    return (data, ctx) => (truthy(test(data, ctx)) ? then(data, ctx) : otherwise(data, ctx));
  }
  const last = runs.length - 1;
  return (data, ctx) => {
    let i = 0;
    for (; i < last; i += 2) {
      if (truthy(runs[i]?.(data, ctx))) return runs[i + 1]?.(data, ctx);
    }
    return i === last ? runs[i]?.(data, ctx) : null;
  };
}

/** and/or return the deciding value, not a boolean. */
function compileJunction(args: readonly CompiledArg[], stopWhen: boolean): Evaluator {
  const runs = args.map((arg) => arg.run);
  if (runs.length === 2) {
    const [first = ABSENT.run, second = ABSENT.run] = runs;
    return (data, ctx) => {
      const value = first(data, ctx);
      return truthy(value) === stopWhen ? value : second(data, ctx);
    };
  }
  return (data, ctx) => {
    let value: unknown = null;
    for (const run of runs) {
      value = run(data, ctx);
      if (truthy(value) === stopWhen) return value;
    }
    return value;
  };
}

/** Handlers of the logic operators. */
export const LOGIC_OPERATORS: OperatorGroup<LogicOperatorName> = {
  if: { minArgs: 0, maxArgs: Infinity, compile: compileIf },
  // The ternary is documented with exactly three arguments; more is a mistake worth reporting.
  "?:": { minArgs: 3, maxArgs: 3, compile: compileIf },
  // With no arguments JSON Logic returns undefined, which JSON cannot carry: refused at compile time.
  and: { minArgs: 1, maxArgs: Infinity, compile: (args) => compileJunction(args, false) },
  or: { minArgs: 1, maxArgs: Infinity, compile: (args) => compileJunction(args, true) },
  "!": {
    minArgs: 1,
    maxArgs: 1,
    compile: ([operand = ABSENT]) => {
      const run = operand.run;
      return (data, ctx) => !truthy(run(data, ctx));
    },
  },
  "!!": {
    minArgs: 1,
    maxArgs: 1,
    compile: ([operand = ABSENT]) => {
      const run = operand.run;
      return (data, ctx) => truthy(run(data, ctx));
    },
  },
};
