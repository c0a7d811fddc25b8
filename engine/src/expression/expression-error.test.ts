import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.js";
import { evaluate } from "./evaluate.js";
import { EXPRESSION_ERROR_CODES, ExpressionError, type ExpressionErrorCode } from "./expression-error.js";

/** One expression that raises each code, with the JSON Pointer the error must carry. */
const EXAMPLES: Readonly<Record<ExpressionErrorCode, { expr: unknown; data?: unknown; path: string }>> = {
  EXPR_UNKNOWN_OPERATOR: { expr: { and: [true, { nope: 1 }] }, path: "/and/1" },
  EXPR_FORBIDDEN_PATH: { expr: { if: [true, { var: "a.__proto__.x" }] }, path: "/if/1/var" },
  EXPR_TOO_DEEP: { expr: { "!": { "!": { "!": true } } }, path: "/!/!" },
  EXPR_BAD_ARGUMENTS: { expr: { or: [{ "==": [1] }] }, path: "/or/0" },
  EXPR_NOT_SERIALIZABLE: { expr: { "+": [1, Number.NaN] }, path: "/+/1" },
};

function errorOf(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error("expected an ExpressionError");
}

describe("ExpressionError catalogue", () => {
  it("describes every code in one non-empty line", () => {
    for (const description of Object.values(EXPRESSION_ERROR_CODES)) {
      expect(description.trim()).not.toBe("");
      expect(description).not.toContain("\n");
    }
    expect(Object.isFrozen(EXPRESSION_ERROR_CODES)).toBe(true);
  });

  it("has an example raising each catalogued code, and no code outside the catalogue", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(EXPRESSION_ERROR_CODES).sort());
    for (const [code, { expr, path }] of Object.entries(EXAMPLES)) {
      const error = errorOf(() => compileExpression(expr, { maxDepth: 2 }));
      expect(error.code).toBe(code);
      expect(error.path).toBe(path);
      expect(error.name).toBe("ExpressionError");
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toContain(code);
      expect(error.message).toContain(path);
    }
  });

  it("names the root in messages when the path is empty", () => {
    const error = errorOf(() => evaluate({}, null));
    expect(error.path).toBe("");
    expect(error.message).toContain("at the root");
  });
});
