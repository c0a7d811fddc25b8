/** Edge cases of the standard JSON Logic operators beyond the public suite. */
import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.js";
import { evaluate } from "./evaluate.js";

describe("logic", () => {
  it("if chains and the ternary", () => {
    const grade = compileExpression({
      if: [{ ">=": [{ var: "" }, 90] }, "A", { ">=": [{ var: "" }, 80] }, "B", "C"],
    });
    expect([95, 85, 10].map((score) => grade(score))).toEqual(["A", "B", "C"]);
    expect(evaluate({ if: [false, 1, false, 2] }, null)).toBeNull();
    expect(evaluate({ "?:": [[], "yes", "no"] }, null)).toBe("no");
  });

  it("and/or return the deciding value", () => {
    expect(evaluate({ and: [1, "x", [1]] }, null)).toEqual([1]);
    expect(evaluate({ and: [1, 0, 2] }, null)).toBe(0);
    expect(evaluate({ or: [0, "", []] }, null)).toEqual([]);
    expect(evaluate({ or: [0, "x", 2] }, null)).toBe("x");
  });

  it("and/or short-circuit", () => {
    const guarded = compileExpression({ and: [false, { var: { cat: ["__pro", "to__"] } }] });
    expect(guarded({})).toBe(false);
    expect(evaluate({ or: [true, { var: { cat: ["__pro", "to__"] } }] }, {})).toBe(true);
  });
});

describe("comparison", () => {
  it("three-argument < and <= test a range", () => {
    expect(evaluate({ "<=": [1, { var: "x" }, 10] }, { x: 10 })).toBe(true);
    expect(evaluate({ "<": [1, { var: "x" }, 10] }, { x: 10 })).toBe(false);
    // An undefined upper bound falls back to the two-argument form, as in JSON Logic.
    expect(evaluate({ "<": [1, 2, { var: "" }] }, undefined)).toBe(true);
  });

  it("coerces numeric strings and compares strings as strings", () => {
    expect(evaluate({ ">": ["10", 9] }, null)).toBe(true);
    expect(evaluate({ ">": ["10", "9"] }, null)).toBe(false);
    expect(evaluate({ "==": [0, ""] }, null)).toBe(true);
    expect(evaluate({ "==": [null, 0] }, null)).toBe(false);
    expect(evaluate({ "!=": [[1], "1"] }, null)).toBe(false);
    expect(evaluate({ "!==": [[1], "1"] }, null)).toBe(true);
    expect(evaluate({ "<": ["a", 1] }, null)).toBe(false);
    expect(evaluate({ ">=": ["a", 1] }, null)).toBe(false);
  });
});

describe("arithmetic", () => {
  it("follows JSON Logic for odd arities", () => {
    expect(evaluate({ "+": [] }, null)).toBe(0);
    expect(evaluate({ "+": ["3.5"] }, null)).toBe(3.5);
    expect(evaluate({ "+": [1, 2, "3"] }, null)).toBe(6);
    expect(evaluate({ "*": ["2"] }, null)).toBe("2");
    expect(evaluate({ "*": ["2", "3", 4] }, null)).toBe(24);
    expect(evaluate({ "-": ["5"] }, null)).toBe(-5);
    expect(evaluate({ "-": [5, { var: "" }] }, undefined)).toBe(-5);
  });

  it("keeps JavaScript's NaN and Infinity in the standard operators", () => {
    expect(evaluate({ "/": [1, 0] }, null)).toBe(Number.POSITIVE_INFINITY);
    expect(evaluate({ "+": ["x"] }, null)).toBeNaN();
    expect(evaluate({ "%": [1, 0] }, null)).toBeNaN();
    expect(evaluate({ max: ["a", 1] }, null)).toBeNaN();
    expect(evaluate({ min: [{ var: "a" }, 5] }, { a: null })).toBe(0);
  });

  it("normalizes -0 as parseFloat does", () => {
    expect(Object.is(evaluate({ "*": [-1, 0, 5] }, null), 0)).toBe(true);
    expect(Object.is(evaluate({ "+": [-0] }, null), 0)).toBe(true);
    expect(Object.is(evaluate({ "-": [0] }, null), -0)).toBe(true);
  });
});

describe("strings", () => {
  it("cat joins like Array.prototype.join", () => {
    expect(evaluate({ cat: ["a", null, [1, [2, null]], { var: "x" }, true] }, {})).toBe("a1,2,true");
    expect(evaluate({ cat: [] }, null)).toBe("");
  });

  it("substr handles negative starts and lengths, including JSON Logic's quirks", () => {
    expect(evaluate({ substr: ["jsonlogic"] }, null)).toBe("jsonlogic");
    expect(evaluate({ substr: ["jsonlogic", -100] }, null)).toBe("jsonlogic");
    expect(evaluate({ substr: ["jsonlogic", 100] }, null)).toBe("");
    expect(evaluate({ substr: ["jsonlogic", 2, -100] }, null)).toBe("");
    expect(evaluate({ substr: ["jsonlogic", 1, null] }, null)).toBe("");
    expect(evaluate({ substr: [12345, 1, 2] }, null)).toBe("23");
    // A string length goes through JavaScript's + (concatenation), as in JSON Logic.
    expect(evaluate({ substr: ["jsonlogic", 4, "-2"] }, null)).toBe("");
    expect(evaluate({ substr: ["jsonlogic", 4, [-2]] }, null)).toBe("");
    expect(evaluate({ substr: ["jsonlogic", 4, true] }, null)).toBe("l");
  });

  it("in searches strings and arrays only", () => {
    expect(evaluate({ in: [1, "a1"] }, null)).toBe(true);
    expect(evaluate({ in: ["", ""] }, null)).toBe(false);
    expect(evaluate({ in: [1, ["1"]] }, null)).toBe(false);
    expect(evaluate({ in: ["a", { var: "" }] }, { a: 1 })).toBe(false);
    expect(evaluate({ in: ["a", null] }, null)).toBe(false);
    const shadowed = Object.assign(["a"], { indexOf: () => 0 });
    expect(evaluate({ in: ["b", { var: "" }] }, shadowed)).toBe(false);
  });
});

describe("arrays", () => {
  it("treat a non-array list as empty", () => {
    for (const op of ["map", "filter"])
      expect(evaluate({ [op]: [{ var: "x" }, true] }, { x: "abc" })).toEqual([]);
    expect(evaluate({ all: [{ var: "x" }, true] }, { x: "abc" })).toBe(false);
    expect(evaluate({ some: [{ var: "x" }, true] }, { x: null })).toBe(false);
    expect(evaluate({ none: [{ var: "x" }, true] }, { x: null })).toBe(true);
    expect(evaluate({ reduce: [{ var: "x" }, 1, 7] }, { x: null })).toBe(7);
    expect(evaluate({ reduce: [{ var: "x" }, 1] }, { x: null })).toBeNull();
  });

  it("reduce starts from null without an initial value", () => {
    expect(evaluate({ reduce: [[1, 2], { var: "accumulator" }] }, null)).toBeNull();
    expect(
      evaluate({ reduce: [[1, 2], { "+": [{ var: "accumulator" }, { var: "current" }] }] }, null),
    ).toBeNaN();
  });

  it("per-element expressions see the element, not the outer data", () => {
    expect(evaluate({ map: [{ var: "rows" }, { var: "rows" }] }, { rows: [{ rows: 1 }, {}] })).toEqual([
      1,
      null,
    ]);
  });

  it("merge flattens one level and returns fresh arrays", () => {
    expect(evaluate({ merge: [[1, [2]], 3, [[4]]] }, null)).toEqual([1, [2], 3, [4]]);
    const merge = compileExpression({ merge: [[1]] });
    expect(merge(null)).not.toBe(merge(null));
  });
});
