import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.js";
import { evaluate } from "./evaluate.js";

const lines = [
  { product: "a", qty: 2, unit_price: 10, discount: 0.1 },
  { product: "b", qty: 1, unit_price: "5.5", discount: 0 },
  { product: "c", qty: null, unit_price: 3 },
  { product: "d", qty: "two", unit_price: 1 },
];
const order = { lines };
const amount = { "*": [{ var: "qty" }, { var: "unit_price" }] };

describe("sum_of", () => {
  it("sums an expression over rows, skipping non-numeric values", () => {
    expect(evaluate({ sum_of: [{ var: "lines" }, amount] }, order)).toBe(25.5);
    expect(evaluate({ sum_of: [{ var: "lines" }, { var: "qty" }] }, order)).toBe(3);
    expect(evaluate({ sum_of: [{ var: "lines" }, { var: "unit_price" }] }, order)).toBe(19.5);
  });

  it("is 0 for no rows or a non-array", () => {
    expect(evaluate({ sum_of: [{ var: "lines" }, { var: "qty" }] }, { lines: [] })).toBe(0);
    expect(evaluate({ sum_of: [{ var: "lines" }, { var: "qty" }] }, {})).toBe(0);
    expect(evaluate({ sum_of: [{ var: "lines" }, { var: "qty" }] }, { lines: "abc" })).toBe(0);
  });

  it("gives null rather than Infinity", () => {
    const huge = { lines: [{ qty: Number.MAX_VALUE }, { qty: Number.MAX_VALUE }] };
    expect(evaluate({ sum_of: [{ var: "lines" }, { var: "qty" }] }, huge)).toBeNull();
  });

  it("runs the row expression with each row as data and the same context", () => {
    const rows = { rows: [{ due: "2026-11-20" }, { due: "2026-11-22" }] };
    const overdueDays = compileExpression({ sum_of: [{ var: "rows" }, { days_since: [{ var: "due" }] }] });
    expect(overdueDays(rows, { now: "2026-11-23T00:00:00Z" })).toBe(4);
  });
});

describe("avg_of, min_of, max_of", () => {
  it("fold the numeric values", () => {
    expect(evaluate({ avg_of: [{ var: "lines" }, { var: "qty" }] }, order)).toBe(1.5);
    expect(evaluate({ min_of: [{ var: "lines" }, { var: "unit_price" }] }, order)).toBe(1);
    expect(evaluate({ max_of: [{ var: "lines" }, { var: "discount" }] }, order)).toBe(0.1);
  });

  it("are null when there is no numeric value", () => {
    for (const op of ["avg_of", "min_of", "max_of"]) {
      expect(evaluate({ [op]: [{ var: "lines" }, { var: "qty" }] }, { lines: [] })).toBeNull();
      expect(evaluate({ [op]: [{ var: "lines" }, { var: "product" }] }, order)).toBeNull();
      expect(evaluate({ [op]: [{ var: "lines" }, { var: "qty" }] }, null)).toBeNull();
    }
  });

  it("avg_of gives null rather than Infinity", () => {
    const huge = { lines: [{ qty: Number.MAX_VALUE }, { qty: Number.MAX_VALUE }] };
    expect(evaluate({ avg_of: [{ var: "lines" }, { var: "qty" }] }, huge)).toBeNull();
  });
});

describe("count_where and count", () => {
  it("counts rows matching a condition, or all rows without one", () => {
    expect(evaluate({ count_where: [{ var: "lines" }, { ">": [{ var: "qty" }, 1] }] }, order)).toBe(1);
    expect(evaluate({ count_where: [{ var: "lines" }, { var: "discount" }] }, order)).toBe(1);
    expect(evaluate({ count_where: { var: "lines" } }, order)).toBe(4);
    expect(evaluate({ count_where: [{ var: "lines" }, true] }, { lines: 5 })).toBe(0);
    expect(evaluate({ count_where: [{ var: "lines" }] }, {})).toBe(0);
  });

  it("count is the length of an array, 0 otherwise", () => {
    expect(evaluate({ count: { var: "lines" } }, order)).toBe(4);
    expect(evaluate({ count: [[]] }, null)).toBe(0);
    expect(evaluate({ count: "abc" }, null)).toBe(0);
  });
});
