import { describe, expect, test } from "vitest";
import { defaultPrecision, numberScale } from "./normalize-number.js";
import { field, isAbsent, issuesOf, stored, submitOne } from "./test-forms.js";

describe("number, money, percent", () => {
  const number = field("number", "qty");
  const money = field("money", "amount");

  test("finite numbers and numeric text", () => {
    expect(stored(number, 12.5)).toBe(12.5);
    expect(stored(number, "12.5")).toBe(12.5);
    expect(stored(number, " -3 ")).toBe(-3);
    expect(stored(number, "+4")).toBe(4);
    expect(stored(number, ".5")).toBe(0.5);
    expect(stored(number, "5.")).toBe(5);
    expect(stored(number, "1e3")).toBe(1000);
    expect(stored(number, "-2.5E-1")).toBe(-0.25);
    expect(Object.is(stored(number, -0), 0)).toBe(true);
    expect(Object.is(stored(number, "-0"), 0)).toBe(true);
  });

  test("empty text is absent", () => {
    expect(isAbsent(number, "")).toBe(true);
    expect(isAbsent(number, "  ")).toBe(true);
  });

  test("anything else is a type issue", () => {
    for (const bad of [
      "abc",
      "1,000",
      "0x10",
      "Infinity",
      "1e999",
      ".",
      "1.2.3",
      "--1",
      true,
      [],
      {},
      "9".repeat(65),
    ]) {
      expect(issuesOf(number, bad)).toEqual(["/qty type"]);
    }
  });

  test("money keeps 2 decimals unless told, rounding half away from zero", () => {
    expect(stored(money, 1.005)).toBe(1.01);
    expect(stored(money, "1234.567")).toBe(1234.57);
    expect(stored(money, -2.345)).toBe(-2.35);
    expect(stored(money, 0.1 + 0.2)).toBe(0.3);
    expect(Object.is(stored(money, -0.001), 0)).toBe(true);
    expect(stored(field("money", "amount", { precision: 0 }), 2.5)).toBe(3);
    expect(stored(field("number", "qty", { precision: 1 }), 2.25)).toBe(2.3);
    expect(stored(number, 1 / 3)).toBe(1 / 3);
    expect(stored(money, 1e300)).toBe(1e300);
  });

  test("percent is a fraction; its precision counts places of the percentage", () => {
    const percent = field("percent", "rate", { precision: 1 });
    expect(stored(percent, 0.12345)).toBe(0.123);
    expect(stored(field("percent", "rate"), 0.12345)).toBe(0.12345);
    expect(numberScale("percent", 0)).toBe(100);
    expect(defaultPrecision("money")).toBe(2);
    expect(defaultPrecision("percent")).toBeUndefined();
  });

  test("min and max apply after rounding, with the limit as a parameter", () => {
    const bounded = field("money", "amount", { min: 0, max: 100 });
    expect(stored(bounded, 100.004)).toBe(100);
    expect(issuesOf(bounded, -1)).toEqual(["/amount minimum"]);
    expect(issuesOf(bounded, 100.01)).toEqual(["/amount maximum"]);
    const result = submitOne(bounded, 101);
    expect(result.ok ? undefined : result.errors[0]).toEqual({
      path: "/amount",
      code: "maximum",
      message: "must be at most 100",
      params: { limit: 100 },
    });
  });
});

describe("rating", () => {
  const rating = field("rating", "stars");

  test("a whole number from 1 to max (default 5)", () => {
    expect(stored(rating, 5)).toBe(5);
    expect(stored(rating, "3")).toBe(3);
    expect(isAbsent(rating, "")).toBe(true);
    expect(issuesOf(rating, 0)).toEqual(["/stars minimum"]);
    expect(issuesOf(rating, 6)).toEqual(["/stars maximum"]);
    expect(issuesOf(rating, 2.5)).toEqual(["/stars type"]);
    expect(issuesOf(rating, "x")).toEqual(["/stars type"]);
    expect(stored(field("rating", "stars", { max: 10 }), 10)).toBe(10);
  });
});
