import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.js";
import { roundHalfAwayFromZero } from "./number-operators.js";

describe("round", () => {
  it.each([
    [2.5, undefined, 3],
    [-2.5, undefined, -3],
    [2.4, undefined, 2],
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [1234.5678, 2, 1234.57],
    [1234.5678, -2, 1200],
    [1250, -2, 1300],
    [0.1 + 0.2, 10, 0.3],
    [5e-324, 2, 0],
    [1.5, 400, 1.5],
    [123, -400, 0],
    [1e21, 2, 1e21],
    ["2.5", "0", 3],
    [7.45, 1.9, 7.5],
  ])("round(%j, %j) is %j", (x, digits, expected) => {
    const expr = digits === undefined ? { round: [x] } : { round: [x, digits] };
    expect(evaluate(expr, null)).toBe(expected);
  });

  it("never gives -0", () => {
    expect(Object.is(evaluate({ round: [-0.4] }, null), 0)).toBe(true);
  });

  it("is null for non-numeric input and never Infinity", () => {
    for (const bad of [null, "x", "", true, [1]]) {
      expect(evaluate({ round: [{ var: "" }] }, bad)).toBeNull();
      expect(evaluate({ round: [1.5, { var: "" }] }, bad)).toBeNull();
    }
    expect(evaluate({ round: [Number.MAX_VALUE, -308] }, null)).toBeNull();
  });

  it("agrees with integer rounding on two-decimal inputs", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (cents) => {
        const value = cents / 100;
        const expected = (Math.sign(value) * Math.round(Math.abs(cents) / 10)) / 10;
        expect(roundHalfAwayFromZero(value, 1)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});

describe("abs", () => {
  it("is the absolute value of a number or numeric string", () => {
    expect(evaluate({ abs: -3 }, null)).toBe(3);
    expect(evaluate({ abs: ["-2.5"] }, null)).toBe(2.5);
    expect(evaluate({ abs: [{ var: "x" }] }, {})).toBeNull();
  });
});

describe("div", () => {
  it("divides, or gives null for a zero or missing divisor", () => {
    expect(evaluate({ div: [10, 4] }, null)).toBe(2.5);
    expect(evaluate({ div: ["9", "3"] }, null)).toBe(3);
    expect(evaluate({ div: [1, 0] }, null)).toBeNull();
    expect(evaluate({ div: [1, { var: "none" }] }, {})).toBeNull();
    expect(evaluate({ div: [{ var: "none" }, 1] }, {})).toBeNull();
    expect(evaluate({ div: [Number.MAX_VALUE, 1e-10] }, null)).toBeNull();
  });
});
