import { describe, expect, it } from "vitest";
import { compileExpression } from "../expression/index.js";
import { conditionHolds, evalContextOf } from "./condition.js";

describe("conditionHolds", () => {
  const ctx = evalContextOf({ now: "2026-03-02T00:00:00Z" }, "UTC");

  it("holds when absent, follows JSON Logic truthiness otherwise", () => {
    expect(conditionHolds(undefined, {}, ctx)).toBe(true);
    expect(conditionHolds(compileExpression({ var: "a" }), { a: [] }, ctx)).toBe(false);
    expect(conditionHolds(compileExpression({ var: "a" }), { a: "0" }, ctx)).toBe(true);
  });

  it("answers onError when the expression fails, and rethrows other errors", () => {
    const broken = compileExpression({ var: { cat: ["__pro", "to__"] } });
    expect(conditionHolds(broken, {}, ctx)).toBe(false);
    expect(conditionHolds(broken, {}, ctx, true)).toBe(true);
    const bug = () => {
      throw new TypeError("bug");
    };
    expect(() => conditionHolds(bug, {}, ctx)).toThrow(TypeError);
  });
});

describe("evalContextOf", () => {
  it("takes the context's time zone, else the app's, and passes aggregates", () => {
    expect(evalContextOf({ now: "n" }, "Asia/Shanghai")).toEqual({ now: "n", timeZone: "Asia/Shanghai" });
    expect(evalContextOf({ now: "n", timeZone: "UTC", aggregates: { a: 1 } }, "Asia/Shanghai")).toEqual({
      now: "n",
      timeZone: "UTC",
      aggregates: { a: 1 },
    });
  });
});
