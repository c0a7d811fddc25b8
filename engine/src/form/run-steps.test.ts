import { describe, expect, test } from "vitest";
import { ExpressionError } from "../expression/index.js";
import { evalContextOf, evaluateSafely, withParent } from "./run-steps.js";

describe("evaluateSafely", () => {
  test("an ExpressionError reads as null; any other error is a bug and propagates", () => {
    const ctx = evalContextOf({ now: "2026-01-01T00:00:00Z" });
    expect(
      evaluateSafely(
        () => {
          throw new ExpressionError("EXPR_BAD_ARGUMENTS", "", "bad");
        },
        {},
        ctx,
      ),
    ).toBeNull();
    expect(() =>
      evaluateSafely(
        () => {
          throw new TypeError("bug");
        },
        {},
        ctx,
      ),
    ).toThrow(TypeError);
  });
});

describe("evalContextOf", () => {
  test("passes the time, zone and aggregates, and nothing undefined", () => {
    expect(evalContextOf({ now: "n" })).toEqual({ now: "n" });
    expect(
      Object.keys(evalContextOf({ now: "n", timeZone: "UTC", aggregates: { a: 1 }, userId: "u" })),
    ).toEqual(["now", "timeZone", "aggregates"]);
  });
});

describe("withParent", () => {
  test("sets _parent only while the body runs, even when it throws", () => {
    const row: Record<string, unknown> = { __proto__: null, a: 1 };
    const parent = { p: 1 };
    expect(withParent(row, parent, () => row["_parent"])).toBe(parent);
    expect(Object.keys(row)).toEqual(["a"]);
    expect(() =>
      withParent(row, parent, () => {
        throw new Error("x");
      }),
    ).toThrow("x");
    expect(Object.keys(row)).toEqual(["a"]);
  });
});
