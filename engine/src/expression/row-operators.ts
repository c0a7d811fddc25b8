/**
 * Subform row extras: the second argument runs once per row with the row as data. Only finite
 * numbers and numeric strings count in sums and averages; anything else is skipped.
 */
import type { EvalContext } from "./eval-context.js";
import { finiteOrNull, numericValue, truthy } from "./json-coercion.js";
import { isArray } from "./json-guards.js";
import type { Evaluator, OperatorDefinition, OperatorGroup } from "./operator-definition.js";
import { ABSENT } from "./operator-definition.js";
import { perElement } from "./operator-shapes.js";

/** Names of the row operators. */
export type RowOperatorName = "sum_of" | "avg_of" | "min_of" | "max_of" | "count_where" | "count";

const NO_ROWS: readonly unknown[] = [];

function rowsOf(value: unknown): readonly unknown[] {
  return isArray(value) ? value : NO_ROWS;
}

/** The numeric values of an expression over the rows. */
function numbersOver(rows: readonly unknown[], each: Evaluator, ctx?: EvalContext): number[] {
  const numbers: number[] = [];
  for (const row of rows) {
    const number = numericValue(each(row, ctx));
    if (number !== null) numbers.push(number);
  }
  return numbers;
}

/** A row operator that folds the numeric values of its expression. */
function folding(fold: (numbers: readonly number[]) => number | null): OperatorDefinition {
  return perElement((rows, each, ctx) => fold(numbersOver(rowsOf(rows), each, ctx)));
}

function sum(numbers: readonly number[]): number {
  let total = 0;
  for (const number of numbers) total += number;
  return total;
}

/** Handlers of the row operators. */
export const ROW_OPERATORS: OperatorGroup<RowOperatorName> = {
  sum_of: folding((numbers) => finiteOrNull(sum(numbers))),
  avg_of: folding((numbers) => (numbers.length === 0 ? null : finiteOrNull(sum(numbers) / numbers.length))),
  min_of: folding((numbers) => (numbers.length === 0 ? null : Math.min(...numbers))),
  max_of: folding((numbers) => (numbers.length === 0 ? null : Math.max(...numbers))),
  // Without a condition every row counts.
  count_where: {
    minArgs: 1,
    maxArgs: 2,
    compile: (args) => {
      const [rows = ABSENT, condition = ABSENT] = args;
      const list = rows.run;
      const test = condition.run;
      if (args.length === 1) return (data, ctx) => rowsOf(list(data, ctx)).length;
      return (data, ctx) => {
        let count = 0;
        for (const row of rowsOf(list(data, ctx))) if (truthy(test(row, ctx))) count++;
        return count;
      };
    },
  },
  count: {
    minArgs: 1,
    maxArgs: 1,
    compile: ([list = ABSENT]) => {
      const run = list.run;
      return (data, ctx) => rowsOf(run(data, ctx)).length;
    },
  },
};
