/**
 * JSON Logic's array operators. The second argument of map, filter, reduce, all, none and some
 * runs once per element with the element as data (reduce: {"current", "accumulator"}).
 */
import { truthy } from "./json-coercion.js";
import { isArray } from "./json-guards.js";
import type { OperatorDefinition } from "./operator-definition.js";
import { ABSENT } from "./operator-definition.js";

/** Names of the array operators. */
export type ArrayOperatorName = "map" | "filter" | "reduce" | "all" | "none" | "some" | "merge";

const PER_ELEMENT: readonly number[] = [1];

/** some/none: whether any element passes (JSON Logic filters, then checks the length). */
function anyPasses(expectAny: boolean): OperatorDefinition {
  return {
    minArgs: 2,
    maxArgs: 2,
    rowArgs: PER_ELEMENT,
    compile: ([list = ABSENT, test = ABSENT]) => {
      const items = list.run;
      const passes = test.run;
      return (data, ctx) => {
        const values = items(data, ctx);
        if (!isArray(values)) return !expectAny;
        for (const value of values) if (truthy(passes(value, ctx))) return expectAny;
        return !expectAny;
      };
    },
  };
}

/** Handlers of the array operators. */
export const ARRAY_OPERATORS: Readonly<Record<ArrayOperatorName, OperatorDefinition>> = {
  map: {
    minArgs: 2,
    maxArgs: 2,
    rowArgs: PER_ELEMENT,
    compile: ([list = ABSENT, each = ABSENT]) => {
      const items = list.run;
      const apply = each.run;
      return (data, ctx) => {
        const values = items(data, ctx);
        const out: unknown[] = [];
        if (isArray(values)) for (const value of values) out.push(apply(value, ctx));
        return out;
      };
    },
  },
  filter: {
    minArgs: 2,
    maxArgs: 2,
    rowArgs: PER_ELEMENT,
    compile: ([list = ABSENT, test = ABSENT]) => {
      const items = list.run;
      const passes = test.run;
      return (data, ctx) => {
        const values = items(data, ctx);
        const out: unknown[] = [];
        if (isArray(values)) for (const value of values) if (truthy(passes(value, ctx))) out.push(value);
        return out;
      };
    },
  },
  // The initial value defaults to null; a non-array list gives the initial value.
  reduce: {
    minArgs: 2,
    maxArgs: 3,
    rowArgs: PER_ELEMENT,
    compile: (args) => {
      const [list = ABSENT, step = ABSENT, initial = ABSENT] = args;
      const items = list.run;
      const apply = step.run;
      const start = args.length > 2 ? initial.run : () => null;
      return (data, ctx) => {
        const values = items(data, ctx);
        let accumulator = start(data, ctx);
        if (!isArray(values)) return accumulator;
        for (const current of values) accumulator = apply({ current, accumulator }, ctx);
        return accumulator;
      };
    },
  },
  // False on an empty list (and, unlike JSON Logic's crash on null, on anything not an array).
  all: {
    minArgs: 2,
    maxArgs: 2,
    rowArgs: PER_ELEMENT,
    compile: ([list = ABSENT, test = ABSENT]) => {
      const items = list.run;
      const passes = test.run;
      return (data, ctx) => {
        const values = items(data, ctx);
        if (!isArray(values) || values.length === 0) return false;
        for (const value of values) if (!truthy(passes(value, ctx))) return false;
        return true;
      };
    },
  },
  none: anyPasses(false),
  some: anyPasses(true),
  // Flattens one level, like Array.prototype.concat on plain arrays.
  merge: {
    minArgs: 0,
    maxArgs: Infinity,
    compile: (args) => {
      const runs = args.map((arg) => arg.run);
      return (data, ctx) => {
        const out: unknown[] = [];
        for (const run of runs) {
          const value = run(data, ctx);
          if (isArray(value)) for (const item of value) out.push(item);
          else out.push(value);
        }
        return out;
      };
    },
  },
};
