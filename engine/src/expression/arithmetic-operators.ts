/** JSON Logic's arithmetic, spec-exact (NaN and Infinity included; `div` is the safe division). */
import { parseFloatLike, toNumber } from "./json-coercion.js";
import type { Evaluator, OperatorDefinition, OperatorGroup } from "./operator-definition.js";
import { ABSENT } from "./operator-definition.js";
import { binary } from "./operator-shapes.js";

/** Names of the arithmetic operators. */
export type ArithmeticOperatorName = "+" | "-" | "*" | "/" | "%" | "min" | "max";

function numeric(operation: (a: number, b: number) => number): OperatorDefinition {
  return binary((a, b) => operation(toNumber(a), toNumber(b)));
}

function extremum(pick: (...values: number[]) => number): OperatorDefinition {
  return {
    minArgs: 1,
    maxArgs: Infinity,
    compile: (args) => {
      const runs = args.map((arg) => arg.run);
      return (data, ctx) => pick(...runs.map((run) => toNumber(run(data, ctx))));
    },
  };
}

/** Handlers of the arithmetic operators. */
export const ARITHMETIC_OPERATORS: OperatorGroup<ArithmeticOperatorName> = {
  // A sum of parseFloat values starting at 0: one argument casts to a number, none gives 0.
  "+": {
    minArgs: 0,
    maxArgs: Infinity,
    compile: (args): Evaluator => {
      const runs = args.map((arg) => arg.run);
      if (runs.length === 2) {
        const [a = ABSENT.run, b = ABSENT.run] = runs;
        return (data, ctx) => parseFloatLike(a(data, ctx)) + parseFloatLike(b(data, ctx));
      }
      return (data, ctx) => {
        let total = 0;
        for (const run of runs) total += parseFloatLike(run(data, ctx));
        return total;
      };
    },
  },
  // A product without a start value: a single argument comes back unconverted, as in JSON Logic.
  "*": {
    minArgs: 1,
    maxArgs: Infinity,
    compile: (args): Evaluator => {
      const [head = ABSENT, ...tail] = args;
      const first = head.run;
      const rest = tail.map((arg) => arg.run);
      if (rest.length === 0) return first;
      return (data, ctx) => {
        let product = parseFloatLike(first(data, ctx));
        for (const run of rest) product = parseFloatLike(product) * parseFloatLike(run(data, ctx));
        return product;
      };
    },
  },
  // One argument negates; JSON Logic also negates when the second value is undefined.
  "-": {
    minArgs: 1,
    maxArgs: 2,
    compile: ([left = ABSENT, right = ABSENT]) => {
      const a = left.run;
      const b = right.run;
      return (data, ctx) => {
        const x = a(data, ctx);
        const y = b(data, ctx);
        return y === undefined ? -toNumber(x) : toNumber(x) - toNumber(y);
      };
    },
  },
  "/": numeric((a, b) => a / b),
  "%": numeric((a, b) => a % b),
  min: extremum(Math.min),
  max: extremum(Math.max),
};
