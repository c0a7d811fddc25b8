import type { FormulaField } from "@stagecraft/schemas";
import { describe, expect, test } from "vitest";
import { formulaCoercer } from "./coerce-formula.js";
import { formula } from "./test-forms.js";

const coerce = (resultType: string, value: unknown, extra: Record<string, unknown> = {}) =>
  formulaCoercer(formula("f", 1, resultType, extra) as FormulaField)(value);

describe("formula result coercion", () => {
  test("numbers: finite, rounded to the precision, else null", () => {
    expect(coerce("number", 1 / 3)).toBe(1 / 3);
    expect(coerce("number", 1 / 3, { precision: 2 })).toBe(0.33);
    expect(coerce("money", 10 / 3)).toBe(3.33);
    expect(coerce("percent", 0.12345, { precision: 1 })).toBe(0.123);
    expect(coerce("number", "12.5")).toBe(12.5);
    for (const bad of [null, undefined, NaN, Infinity, "abc", "", true, [1], {}])
      expect(coerce("money", bad)).toBeNull();
  });

  test("text: strings, numbers and booleans as text, else null", () => {
    expect(coerce("text", "a")).toBe("a");
    expect(coerce("text", 1.5)).toBe("1.5");
    expect(coerce("text", false)).toBe("false");
    for (const bad of [null, undefined, NaN, [1], {}]) expect(coerce("text", bad)).toBeNull();
  });

  test("date: a real YYYY-MM-DD, else null", () => {
    expect(coerce("date", "2026-03-15")).toBe("2026-03-15");
    for (const bad of ["2026-02-30", "2026-03-15T00:00:00Z", 20260315, null])
      expect(coerce("date", bad)).toBeNull();
  });

  test("boolean: JSON Logic truthiness, null stays null", () => {
    expect(coerce("boolean", 1)).toBe(true);
    expect(coerce("boolean", "0")).toBe(true);
    expect(coerce("boolean", [])).toBe(false);
    expect(coerce("boolean", "")).toBe(false);
    expect(coerce("boolean", 0)).toBe(false);
    expect(coerce("boolean", null)).toBeNull();
    expect(coerce("boolean", undefined)).toBeNull();
  });
});
