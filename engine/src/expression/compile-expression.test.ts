import { describe, expect, it } from "vitest";
import { compileExpression, DEFAULT_MAX_DEPTH } from "./compile-expression.js";
import { evaluate } from "./evaluate.js";
import { ExpressionError } from "./expression-error.js";
import { SUPPORTED_OPERATORS, UNSUPPORTED_OPERATORS } from "./operator-table.js";

function failure(
  expr: unknown,
  options?: { maxDepth?: number },
): { code: string; path: string; message: string } {
  try {
    compileExpression(expr, options);
  } catch (error) {
    if (error instanceof ExpressionError)
      return { code: error.code, path: error.path, message: error.message };
    throw error;
  }
  throw new Error("expected the expression to be rejected");
}

/** An expression nested `depth` levels deep: {"!": {"!": … true}}. */
function nested(depth: number): unknown {
  let expr: unknown = true;
  for (let i = 0; i < depth; i++) expr = { "!": expr };
  return expr;
}

describe("compileExpression", () => {
  it("returns a reusable closure", () => {
    const total = compileExpression({ "*": [{ var: "qty" }, { var: "price" }] });
    expect(total({ qty: 2, price: 3 })).toBe(6);
    expect(total({ qty: 5, price: 1 })).toBe(5);
  });

  it("passes literals through, evaluating operations inside literal arrays", () => {
    expect(evaluate("x", null)).toBe("x");
    expect(evaluate([1, { var: "a" }, [2, { var: "b" }]], { a: "A", b: "B" })).toEqual([1, "A", [2, "B"]]);
  });

  it("freezes all-literal arrays so a caller cannot alter the compiled expression", () => {
    const list = compileExpression([1, [2, 3]]);
    const value = list(null);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen((value as unknown[])[1])).toBe(true);
    expect(list(null)).toEqual([1, [2, 3]]);
  });

  it("does not depend on the expression object after compiling", () => {
    const expr = { "+": [1, { var: "a" }] };
    const add = compileExpression(expr);
    expr["+"][0] = 100;
    expect(add({ a: 1 })).toBe(2);
  });

  describe("unknown operators", () => {
    it("rejects an unknown operator at compile time with its pointer", () => {
      expect(failure({ if: [true, { foo: [1] }] })).toMatchObject({
        code: "EXPR_UNKNOWN_OPERATOR",
        path: "/if/1",
      });
    });

    it("refuses log and method on purpose and says why", () => {
      expect([...UNSUPPORTED_OPERATORS.keys()]).toEqual(["log", "method"]);
      const log = failure({ log: "x" });
      expect(log.code).toBe("EXPR_UNKNOWN_OPERATOR");
      expect(log.message).toContain("I/O");
      expect(failure({ method: [{ var: "s" }, "toUpperCase"] }).message).toContain("unsafe");
      expect(SUPPORTED_OPERATORS.has("log")).toBe(false);
    });

    it("finds nothing on the prototype of the operator table", () => {
      for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
        const expr: unknown = JSON.parse(`{"${name}": [1]}`);
        expect(failure(expr).code).toBe("EXPR_UNKNOWN_OPERATOR");
      }
    });

    it("shortens a very long operator name in the message", () => {
      const message = failure({ ["x".repeat(500)]: 1 }).message;
      expect(message.length).toBeLessThan(200);
      expect(message).toContain("…");
    });
  });

  describe("shape and arity", () => {
    it("rejects objects that are not single-operator objects", () => {
      expect(failure({})).toMatchObject({ code: "EXPR_BAD_ARGUMENTS", path: "" });
      expect(failure({ "==": [1, 1], extra: 1 })).toMatchObject({ code: "EXPR_BAD_ARGUMENTS", path: "" });
      expect(failure([1, { a: 1, b: 2 }])).toMatchObject({ code: "EXPR_BAD_ARGUMENTS", path: "/1" });
    });

    it.each([
      [{ "==": [1] }, "exactly 2"],
      [{ "==": [1, 2, 3] }, "exactly 2"],
      [{ and: [] }, "at least 1"],
      [{ "<": [1] }, "2 to 3"],
      [{ "<": [1, 2, 3, 4] }, "2 to 3"],
      [{ "!": [] }, "exactly 1"],
      [{ "?:": [true, 1] }, "exactly 3"],
      [{ "*": [] }, "at least 1"],
      [{ "-": [1, 2, 3] }, "1 to 2"],
      [{ max: [] }, "at least 1"],
      [{ map: [[1]] }, "exactly 2"],
      [{ reduce: [[1], 1, 2, 3] }, "2 to 3"],
      [{ missing_some: [1] }, "exactly 2"],
      [{ var: ["a", 1, 2] }, "0 to 2"],
      [{ today: [1] }, "exactly 0"],
      [{ case: [1, 2] }, "at least 3"],
    ])("rejects %j (%s arguments)", (expr, arity) => {
      const { code, path, message } = failure(expr);
      expect(code).toBe("EXPR_BAD_ARGUMENTS");
      expect(path).toBe("");
      expect(message).toContain(arity);
    });

    it("takes a non-array argument as the single argument", () => {
      expect(evaluate({ "!": true }, null)).toBe(false);
      expect(evaluate({ var: "a" }, { a: 1 })).toBe(1);
    });
  });

  describe("serializability", () => {
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    class Money {
      amount = 1;
    }
    const getter = Object.defineProperty({}, "var", { enumerable: true, get: () => "a" });

    it.each([
      ["undefined", { "+": [1, undefined] }, "/+/1"],
      ["a function", { "+": [1, () => 1] }, "/+/1"],
      ["NaN", { "+": [1, Number.NaN] }, "/+/1"],
      ["Infinity", { "+": [Number.POSITIVE_INFINITY] }, "/+/0"],
      ["a symbol", { cat: Symbol("s") }, "/cat"],
      ["a bigint", { cat: [1n] }, "/cat/0"],
      ["a Date", { cat: [new Date(0)] }, "/cat/0"],
      ["a class instance", [new Money()], "/0"],
      ["a Map", new Map(), ""],
      ["an array hole", { merge: sparse }, "/merge/1"],
      ["an accessor property", getter, "/var"],
      ["undefined at the root", undefined, ""],
    ])("rejects %s", (_what, expr, path) => {
      expect(failure(expr)).toMatchObject({ code: "EXPR_NOT_SERIALIZABLE", path });
    });

    it("never runs a getter found in an expression", () => {
      let ran = false;
      const trap = Object.defineProperty({}, "var", {
        enumerable: true,
        get: () => {
          ran = true;
          return "a";
        },
      });
      failure(trap);
      expect(ran).toBe(false);
    });

    it("accepts null-prototype operation objects", () => {
      const expr = Object.assign(Object.create(null) as object, { var: "a" });
      expect(evaluate(expr, { a: 7 })).toBe(7);
    });
  });

  describe("depth limit", () => {
    it("defaults to 32 levels", () => {
      expect(DEFAULT_MAX_DEPTH).toBe(32);
      expect(evaluate(nested(32), null)).toBe(true);
      expect(failure(nested(33))).toMatchObject({ code: "EXPR_TOO_DEEP", path: "/!".repeat(32) });
    });

    it("is configurable", () => {
      expect(compileExpression(nested(40), { maxDepth: 40 })(null)).toBe(true);
      expect(failure(nested(3), { maxDepth: 2 }).code).toBe("EXPR_TOO_DEEP");
      expect(failure([[[1]]], { maxDepth: 2 })).toMatchObject({ code: "EXPR_TOO_DEEP", path: "/0/0" });
    });

    it("counts literal arrays but not argument lists", () => {
      expect(compileExpression({ "+": [1, { "+": [2, 3] }] }, { maxDepth: 2 })(null)).toBe(6);
      expect(failure({ in: [1, [1]] }, { maxDepth: 1 }).code).toBe("EXPR_TOO_DEEP");
    });

    it("stops a cyclic expression", () => {
      const cycle: unknown[] = [];
      cycle.push(cycle);
      expect(failure(cycle).code).toBe("EXPR_TOO_DEEP");
    });

    it("refuses a maxDepth that is not a positive integer", () => {
      expect(() => compileExpression(1, { maxDepth: 0 })).toThrow(RangeError);
      expect(() => compileExpression(1, { maxDepth: 1.5 })).toThrow(RangeError);
    });
  });

  describe("JSON Pointers", () => {
    it("escapes / and ~ in operator names", () => {
      expect(failure({ "/": [1, { var: "constructor" }] }).path).toBe("/~1/1/var");
      expect(failure({ and: [{ "~x": 1 }] }).path).toBe("/and/0");
      expect(failure({ and: [{ "!": { "a/~": 1 } }] }).path).toBe("/and/0/!");
    });
  });
});
