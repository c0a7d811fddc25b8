/**
 * JSON Logic's array operators. The second argument of map, filter, reduce, all, none and some
 * runs once per element with the element as data (reduce: {"current", "accumulator"}).
 */
import { truthy } from "./json-coercion.js";
import { isArray } from "./json-guards.js";
import type { OperatorDefinition, OperatorGroup } from "./operator-definition.js";
import { ABSENT } from "./operator-definition.js";
import { perElement } from "./operator-shapes.js";

/** Names of the array operators. */
export type ArrayOperatorName = "map" | "filter" | "reduce" | "all" | "none" | "some" | "merge";

/** some/none: whether any element passes (JSON Logic filters, then checks the length). */
function anyPasses(expectAny: boolean): OperatorDefinition {
  return perElement((values, passes, ctx) => {
    if (!isArray(values)) return !expectAny;
    for (const value of values) if (truthy(passes(value, ctx))) return expectAny;
    return !expectAny;
  });
}

/** Handlers of the array operators. */
export const ARRAY_OPERATORS: OperatorGroup<ArrayOperatorName> = {
  map: perElement((values, apply, ctx) => {
    const out: unknown[] = [];
    if (isArray(values)) for (const value of values) out.push(apply(value, ctx));
    return out;
  }),
  filter: perElement((values, passes, ctx) => {
    const out: unknown[] = [];
    if (isArray(values)) for (const value of values) if (truthy(passes(value, ctx))) out.push(value);
    return out;
  }),
  // The initial value defaults to null; a non-array list gives the initial value.
  reduce: {
    minArgs: 2,
    maxArgs: 3,
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
  all: perElement((values, passes, ctx) => {
    if (!isArray(values) || values.length === 0) return false;
    for (const value of values) if (!truthy(passes(value, ctx))) return false;
    return true;
  }),
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
