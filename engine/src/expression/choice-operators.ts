/** Choice extras: coalesce (first non-null) and case (lookup by strict equality); both lazy. */
import type { OperatorGroup } from "./operator-definition.js";

/** Names of the choice operators. */
export type ChoiceOperatorName = "coalesce" | "case";

/** Handlers of the choice operators. */
export const CHOICE_OPERATORS: OperatorGroup<ChoiceOperatorName> = {
  coalesce: {
    minArgs: 0,
    maxArgs: Infinity,
    compile: (args) => {
      const runs = args.map((arg) => arg.run);
      return (data, ctx) => {
        for (const run of runs) {
          const value = run(data, ctx);
          if (value !== null && value !== undefined) return value;
        }
        return null;
      };
    },
  },
  // [value, key1, result1, key2, result2, …, default?]; keys match with ===, so "1" is not 1.
  case: {
    minArgs: 3,
    maxArgs: Infinity,
    compile: (args) => {
      const [subject, ...rest] = args.map((arg) => arg.run);
      const fallback = rest.length % 2 === 1 ? rest[rest.length - 1] : undefined;
      return (data, ctx) => {
        const value = subject?.(data, ctx);
        for (let i = 0; i + 1 < rest.length; i += 2) {
          if (rest[i]?.(data, ctx) === value) return rest[i + 1]?.(data, ctx);
        }
        return fallback === undefined ? null : fallback(data, ctx);
      };
    },
  },
};
