import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.js";
import { evaluate } from "./evaluate.js";
import { ExpressionError } from "./expression-error.js";

function codeOf(expr: unknown): string {
  try {
    compileExpression(expr);
  } catch (error) {
    if (error instanceof ExpressionError) return `${error.code} ${error.path}`;
    throw error;
  }
  return "compiled";
}

describe("aggregate", () => {
  const aggregates = { signed_this_month: 120_000, zero: 0, missing_value: null };

  it("reads a value the runtime resolved", () => {
    expect(evaluate({ aggregate: "signed_this_month" }, null, { aggregates })).toBe(120_000);
    expect(evaluate({ aggregate: ["zero"] }, null, { aggregates })).toBe(0);
    expect(evaluate({ div: [{ aggregate: "signed_this_month" }, 240_000] }, null, { aggregates })).toBe(0.5);
  });

  it("is null when absent, including without aggregates or context", () => {
    expect(evaluate({ aggregate: "other" }, null, { aggregates })).toBeNull();
    expect(evaluate({ aggregate: "missing_value" }, null, { aggregates })).toBeNull();
    expect(evaluate({ aggregate: "zero" }, null, {})).toBeNull();
    expect(evaluate({ aggregate: "zero" }, null)).toBeNull();
  });

  it("reads own properties only", () => {
    expect(evaluate({ aggregate: "toString" }, null, { aggregates })).toBeNull();
    expect(
      evaluate({ aggregate: "hasOwnProperty" }, null, {
        aggregates: Object.create(null) as Record<string, unknown>,
      }),
    ).toBeNull();
  });

  it("requires one literal, non-empty id", () => {
    expect(codeOf({ aggregate: { var: "id" } })).toBe("EXPR_BAD_ARGUMENTS /aggregate");
    expect(codeOf({ aggregate: [""] })).toBe("EXPR_BAD_ARGUMENTS /aggregate/0");
    expect(codeOf({ aggregate: [1] })).toBe("EXPR_BAD_ARGUMENTS /aggregate/0");
    expect(codeOf({ aggregate: ["a", "b"] })).toBe("EXPR_BAD_ARGUMENTS ");
  });

  it("rejects prototype names as ids", () => {
    for (const id of ["__proto__", "constructor", "prototype"]) {
      expect(codeOf({ aggregate: id })).toBe("EXPR_FORBIDDEN_PATH /aggregate");
    }
  });
});
