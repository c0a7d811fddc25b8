/** JSON Logic's string operators: cat, substr, and in (over strings and arrays). */
import { addToNumber, looseCompare, toIntegerOrInfinity, toText } from "./json-coercion.js";
import { isArray } from "./json-guards.js";
import type { OperatorGroup } from "./operator-definition.js";
import { ABSENT } from "./operator-definition.js";
import { binary } from "./operator-shapes.js";

/** Names of the string operators. */
export type StringOperatorName = "cat" | "substr" | "in";

/** String.prototype.substr (deprecated in the standard library, so spelled out here). */
function substr(text: string, start: unknown, length: unknown): string {
  const size = text.length;
  const wanted = toIntegerOrInfinity(start);
  const from = wanted < 0 ? Math.max(size + wanted, 0) : Math.min(wanted, size);
  const to = Math.min(from + (length === undefined ? size : toIntegerOrInfinity(length)), size);
  return from < to ? text.slice(from, to) : "";
}

/** Array.prototype.indexOf's strict search, without calling a method the array might shadow. */
function containsStrictly(values: readonly unknown[], needle: unknown): boolean {
  for (const value of values) if (value === needle) return true;
  return false;
}

/** Handlers of the string operators. */
export const STRING_OPERATORS: OperatorGroup<StringOperatorName> = {
  // Array.prototype.join semantics: null and undefined join as "".
  cat: {
    minArgs: 0,
    maxArgs: Infinity,
    compile: (args) => {
      const runs = args.map((arg) => arg.run);
      return (data, ctx) => {
        let out = "";
        for (const run of runs) {
          const value = run(data, ctx);
          if (value !== null && value !== undefined) out += toText(value);
        }
        return out;
      };
    },
  },
  // A negative length counts from the end, as JSON Logic does it (including its quirks).
  substr: {
    minArgs: 1,
    maxArgs: 3,
    compile: ([source = ABSENT, start = ABSENT, length = ABSENT]) => {
      const a = source.run;
      const b = start.run;
      const c = length.run;
      return (data, ctx) => {
        const text = toText(a(data, ctx));
        const from = b(data, ctx);
        const count = c(data, ctx);
        if (!(looseCompare(count, 0) < 0)) return substr(text, from, count);
        const tail = substr(text, from, undefined);
        return substr(tail, 0, addToNumber(tail.length, count));
      };
    },
  },
  // Substring test for a non-empty string, strict membership for an array, else false.
  in: binary((value, container) => {
    if (typeof container === "string") return container !== "" && container.includes(toText(value));
    return isArray(container) && containsStrictly(container, value);
  }),
};
