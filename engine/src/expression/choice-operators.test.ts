import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.js";
import { evaluate } from "./evaluate.js";

describe("coalesce", () => {
  it("returns the first value that is not null", () => {
    expect(evaluate({ coalesce: [{ var: "a" }, { var: "b" }, "fallback"] }, { b: 0 })).toBe(0);
    expect(evaluate({ coalesce: [{ var: "a" }, ""] }, {})).toBe("");
    expect(evaluate({ coalesce: [{ var: "a" }, { var: "b" }] }, {})).toBeNull();
    expect(evaluate({ coalesce: [] }, null)).toBeNull();
    expect(evaluate({ coalesce: [{ var: "" }, 1] }, undefined)).toBe(1);
  });

  it("stops at the first value", () => {
    expect(evaluate({ coalesce: [1, { var: { cat: ["__pro", "to__"] } }] }, {})).toBe(1);
  });
});

describe("case", () => {
  const cadence = compileExpression({ case: [{ var: "tier" }, "A", 7, "B", 14, "C", 30] });

  it("maps a value to the result of the first equal key", () => {
    expect(["A", "B", "C"].map((tier) => cadence({ tier }))).toEqual([7, 14, 30]);
  });

  it("falls back to the default, or null without one", () => {
    expect(cadence({ tier: "D" })).toBeNull();
    expect(evaluate({ case: [{ var: "tier" }, "A", 7, 99] }, { tier: "Z" })).toBe(99);
    expect(evaluate({ case: [{ var: "tier" }, "A", 7, 99] }, { tier: "A" })).toBe(7);
  });

  it("compares strictly and evaluates keys and results lazily", () => {
    expect(evaluate({ case: [1, "1", "loose", 1, "strict"] }, null)).toBe("strict");
    expect(evaluate({ case: [{ var: "x" }, { var: "y" }, { "+": [{ var: "x" }, 1] }] }, { x: 2, y: 2 })).toBe(
      3,
    );
    expect(evaluate({ case: ["a", "a", 1, "b", { var: { cat: ["__pro", "to__"] } }] }, {})).toBe(1);
  });
});
