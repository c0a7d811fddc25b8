import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.js";
import { evaluate } from "./evaluate.js";
import { ExpressionError } from "./expression-error.js";

function rejection(run: () => unknown): { code: string; path: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error("expected an ExpressionError");
}

describe("var", () => {
  it("reads dotted paths through objects and numeric segments through arrays", () => {
    const data = { rows: [{ qty: 2 }, { qty: 5 }], a: { b: { c: "deep" } } };
    expect(evaluate({ var: "rows.1.qty" }, data)).toBe(5);
    expect(evaluate({ var: "a.b.c" }, data)).toBe("deep");
    expect(evaluate({ var: 0 }, ["first"])).toBe("first");
    expect(evaluate({ var: "rows.length" }, data)).toBe(2);
  });

  it("gives the default, or null, when a step is absent", () => {
    expect(evaluate({ var: ["rows.9.qty", 0] }, { rows: [] })).toBe(0);
    expect(evaluate({ var: "rows.01" }, { rows: ["a", "b"] })).toBeNull();
    expect(evaluate({ var: "rows.-1" }, { rows: ["a"] })).toBeNull();
    expect(evaluate({ var: "rows.x" }, { rows: ["a"] })).toBeNull();
    expect(evaluate({ var: ["a.b", "d"] }, { a: null })).toBe("d");
    // A present null is a value, as in JSON Logic.
    expect(evaluate({ var: ["a", "d"] }, { a: null })).toBeNull();
  });

  it("returns the whole data for an empty, null or absent path", () => {
    const data = { a: 1 };
    expect(evaluate({ var: "" }, data)).toBe(data);
    expect(evaluate({ var: [null, 5] }, data)).toBe(data);
    expect(evaluate({ var: [] }, data)).toBe(data);
    expect(evaluate({ var: { cat: [] } }, data)).toBe(data);
  });

  it("reads own properties only, never through a prototype", () => {
    for (const name of ["toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__"]) {
      expect(evaluate({ var: name }, {})).toBeNull();
      expect(evaluate({ var: `a.${name}` }, { a: [] })).toBeNull();
    }
    expect(evaluate({ var: "length" }, "text")).toBeNull();
    expect(evaluate({ var: "0" }, "text")).toBeNull();
    expect(evaluate({ var: "toFixed" }, 5)).toBeNull();
    expect(evaluate({ var: "getTime" }, { d: new Date(0) })).toBeNull();
  });

  it("does not look inside class instances, but reads null-prototype objects", () => {
    class Row {
      qty = 3;
    }
    expect(evaluate({ var: "row.qty" }, { row: new Row() })).toBeNull();
    const bare = Object.assign(Object.create(null) as object, { qty: 4 });
    expect(evaluate({ var: "row.qty" }, { row: bare })).toBe(4);
  });

  it("reads an own property even when its name shadows Object.prototype", () => {
    expect(evaluate({ var: "toString" }, { toString: "own" })).toBe("own");
  });

  it("rejects prototype-reaching literal paths at compile time", () => {
    for (const path of [
      "constructor",
      "__proto__",
      "prototype",
      "a.__proto__.x",
      "a.constructor.prototype",
    ]) {
      expect(rejection(() => compileExpression({ var: path }))).toEqual({
        code: "EXPR_FORBIDDEN_PATH",
        path: "/var",
      });
    }
    expect(rejection(() => compileExpression({ var: ["constructor", 1] })).path).toBe("/var/0");
    // A literal array path reads as its text, like JSON Logic's String(path).
    expect(rejection(() => compileExpression({ var: [["constructor"]] })).code).toBe("EXPR_FORBIDDEN_PATH");
    expect(evaluate({ var: [["a", "b"]] }, { "a,b": 1 })).toBe(1);
  });

  it("rejects prototype-reaching computed paths at run time", () => {
    const dynamic = compileExpression({ var: { cat: ["__pro", "to__"] } });
    expect(rejection(() => dynamic({}))).toEqual({ code: "EXPR_FORBIDDEN_PATH", path: "/var" });
    const fromData = compileExpression({ var: { var: "field" } });
    expect(fromData({ field: "amount", amount: 3 })).toBe(3);
    expect(rejection(() => fromData({ field: "x.constructor" })).code).toBe("EXPR_FORBIDDEN_PATH");
    expect(rejection(() => fromData({ field: "a".repeat(200) + ".prototype" })).code).toBe(
      "EXPR_FORBIDDEN_PATH",
    );
  });

  it("evaluates a computed default only when the path is absent", () => {
    const withDefault = compileExpression({ var: ["a", { var: { cat: ["__pro", "to__"] } }] });
    expect(withDefault({ a: 1 })).toBe(1);
    expect(() => withDefault({})).toThrow(ExpressionError);
    expect(evaluate({ var: ["a", { var: "b" }] }, { b: 2 })).toBe(2);
    expect(evaluate({ var: [{ var: "p" }, { var: "b" }] }, { p: "a", b: 2 })).toBe(2);
    expect(evaluate({ var: ["a", { var: "none" }] }, {})).toBeNull();
  });

  it("turns a non-string path into text like JSON Logic", () => {
    expect(evaluate({ var: 1.5 }, { 1: { 5: "x" } })).toBe("x");
    expect(evaluate({ var: true }, { true: "yes" })).toBe("yes");
    expect(evaluate({ var: [[]] }, { "": "empty key" })).toBe("empty key");
  });
});

describe("missing", () => {
  it("lists keys whose value is absent, null or empty", () => {
    expect(evaluate({ missing: ["a", "b", "c", "d"] }, { a: 0, b: null, c: "" })).toEqual(["b", "c", "d"]);
    expect(evaluate({ missing: [["a", "b"], "ignored"] }, { a: 1 })).toEqual(["b"]);
    expect(evaluate({ missing: [1] }, ["x", "y"])).toEqual([]);
    expect(evaluate({ missing: [1] }, ["x"])).toEqual([1]);
    expect(evaluate({ missing: [""] }, null)).toEqual([""]);
  });

  it("handles computed keys", () => {
    expect(evaluate({ missing: { var: "required" } }, { required: ["a", "b"], a: 1 })).toEqual(["b"]);
    expect(evaluate({ missing: ["a", { var: "k" }] }, { k: "z" })).toEqual(["a", "z"]);
  });

  it("returns a fresh array each time", () => {
    const missing = compileExpression({ missing: ["a"] });
    const first = missing({}) as unknown[];
    first.push("mutated");
    expect(missing({})).toEqual(["a"]);
  });

  it("rejects forbidden keys at compile time, or at run time when computed", () => {
    expect(rejection(() => compileExpression({ missing: ["a", "constructor"] }))).toEqual({
      code: "EXPR_FORBIDDEN_PATH",
      path: "/missing/1",
    });
    expect(rejection(() => compileExpression({ missing: [["a", "x.__proto__"]] })).path).toBe("/missing/0/1");
    const computed = compileExpression({ missing: { var: "keys" } });
    expect(rejection(() => computed({ keys: ["prototype"] }))).toEqual({
      code: "EXPR_FORBIDDEN_PATH",
      path: "/missing",
    });
  });
});

describe("missing_some", () => {
  it("returns [] when enough keys are present, else the missing ones", () => {
    expect(evaluate({ missing_some: [1, ["a", "b"]] }, { b: 1 })).toEqual([]);
    expect(evaluate({ missing_some: [2, ["a", "b", "c"]] }, { a: 1 })).toEqual(["b", "c"]);
    expect(evaluate({ missing_some: ["1", ["a"]] }, { a: 1 })).toEqual([]);
  });

  it("handles computed counts and options", () => {
    const rule = compileExpression({ missing_some: [{ var: "n" }, { var: "options" }] });
    expect(rule({ n: 1, options: ["a", "b"], b: 1 })).toEqual([]);
    expect(rule({ n: 2, options: ["a", "b"], b: 1 })).toEqual(["a"]);
    // A single key string counts its characters, as JSON Logic's options.length does.
    expect(rule({ n: 1, options: "a", a: 1 })).toEqual([]);
    // A null key names the whole data, which is present here.
    expect(rule({ n: 1, options: null })).toEqual([]);
    expect(rule({ n: 0, options: 5 })).toEqual([5]);
  });

  it("rejects forbidden keys", () => {
    expect(rejection(() => compileExpression({ missing_some: [1, ["__proto__"]] })).code).toBe(
      "EXPR_FORBIDDEN_PATH",
    );
    const rule = compileExpression({ missing_some: [1, { var: "options" }] });
    expect(rejection(() => rule({ options: ["constructor"] }))).toEqual({
      code: "EXPR_FORBIDDEN_PATH",
      path: "/missing_some",
    });
  });
});
