/** The `aggregate` extra: a cross-form aggregate the runtime resolved and passed in ctx.aggregates. */
import { FORBIDDEN_SEGMENTS } from "./data-path.js";
import { ExpressionError } from "./expression-error.js";
import type { OperatorGroup } from "./operator-definition.js";
import { ABSENT, badArguments } from "./operator-definition.js";

/** Names of the aggregate operator. */
export type AggregateOperatorName = "aggregate";

/** The handler of `aggregate`: its id must be a literal so dependencies are known statically. */
export const AGGREGATE_OPERATOR: OperatorGroup<AggregateOperatorName> = {
  aggregate: {
    minArgs: 1,
    maxArgs: 1,
    compile: ([id = ABSENT]) => {
      const key = id.value;
      if (!id.constant || typeof key !== "string" || key === "") {
        throw badArguments(id.pointer, "aggregate takes one literal, non-empty id string");
      }
      if (FORBIDDEN_SEGMENTS.has(key)) {
        throw new ExpressionError("EXPR_FORBIDDEN_PATH", id.pointer, `aggregate id "${key}" is forbidden`);
      }
      return (_data, ctx) => {
        const aggregates = ctx?.aggregates;
        return aggregates !== undefined && Object.hasOwn(aggregates, key) ? (aggregates[key] ?? null) : null;
      };
    },
  },
};
