import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectAggregates, collectVars, expressionDepth } from "./analyze.js";
import { compileExpression } from "./compile-expression.js";
import { ExpressionError } from "./expression-error.js";

describe("collectVars", () => {
  it("lists literal var paths once, in order of appearance", () => {
    const expr = {
      and: [
        { ">": [{ var: "amount" }, 1000] },
        { "==": [{ var: ["stage", "lead"] }, "won"] },
        { var: "amount" },
      ],
    };
    expect(collectVars(expr)).toEqual(["amount", "stage"]);
  });

  it("reports numbers as text and skips the whole-data and computed paths", () => {
    expect(
      collectVars({ cat: [{ var: 0 }, { var: "" }, { var: [] }, { var: null }, { var: { var: "key" } }] }),
    ).toEqual(["0", "key"]);
  });

  it("reports the vars of defaults and of literal arrays", () => {
    expect(collectVars([{ var: ["a", { var: "b" }] }, [{ var: "c" }]])).toEqual(["a", "b", "c"]);
  });

  it("excludes row-relative vars but keeps the row lists", () => {
    const expr = {
      "+": [
        { sum_of: [{ var: "lines" }, { "*": [{ var: "qty" }, { var: "unit_price" }] }] },
        {
          reduce: [{ var: "items" }, { "+": [{ var: "current" }, { var: "accumulator" }] }, { var: "start" }],
        },
        { count_where: [{ var: "contacts" }, { map: [{ var: "phones" }, { var: "" }] }] },
        { count: { filter: [{ var: "tags" }, { "==": [{ var: "" }, { var: "outer_looking" }] }] } },
        { all: { var: "flags" } },
      ],
    };
    expect(collectVars(expr)).toEqual(["lines", "items", "start", "contacts", "tags", "flags"]);
  });

  it("includes the literal keys of missing and missing_some", () => {
    expect(collectVars({ missing: ["a", "b.c"] })).toEqual(["a", "b.c"]);
    expect(collectVars({ missing: [["x", "y"]] })).toEqual(["x", "y"]);
    expect(collectVars({ missing_some: [1, ["p", "q", { var: "r" }]] })).toEqual(["p", "q", "r"]);
    expect(collectVars({ missing: { merge: ["vin", { var: "extra" }] } })).toEqual(["extra"]);
    expect(collectVars({ missing_some: [1, { var: "opts" }] })).toEqual(["opts"]);
    expect(collectVars({ map: [[1], { missing: ["row_key"] }] })).toEqual([]);
  });

  it("leaves out paths compileExpression refuses", () => {
    expect(collectVars({ "+": [{ var: "a.__proto__.x" }, { missing: ["constructor", "b"] }] })).toEqual([
      "b",
    ]);
  });

  it("tolerates anything JSON, reporting what it can", () => {
    expect(collectVars(null)).toEqual([]);
    expect(collectVars([new Date(0), { var: "after" }])).toEqual(["after"]);
    expect(collectVars({ unknown_op: { var: "a" } })).toEqual(["a"]);
    expect(collectVars({ a: { var: "x" }, b: [{ var: "y" }] })).toEqual(["x", "y"]);
  });
});

describe("collectAggregates", () => {
  it("lists aggregate ids anywhere, rows included", () => {
    const expr = {
      div: [
        { aggregate: "signed_amount" },
        { sum_of: [{ var: "rows" }, { aggregate: ["row_rate"] }] },
        { aggregate: "signed_amount" },
        { aggregate: [{ var: "computed" }] },
        { aggregate: "" },
      ],
    };
    expect(collectAggregates(expr)).toEqual(["signed_amount", "row_rate"]);
  });
});

describe("expressionDepth", () => {
  it("counts operations and literal arrays, not argument lists or scalars", () => {
    expect(expressionDepth(5)).toBe(0);
    expect(expressionDepth({ var: "a" })).toBe(1);
    expect(expressionDepth({ "+": [1, { var: "a" }] })).toBe(2);
    expect(expressionDepth({ in: ["a", ["a", "b"]] })).toBe(2);
    expect(expressionDepth([[[]]])).toBe(3);
    expect(expressionDepth({ a: 1, b: { var: "x" } })).toBe(2);
  });

  it("matches the limit compileExpression enforces", () => {
    const expression = fc.letrec<{ expr: unknown }>((tie) => ({
      expr: fc.oneof(
        { depthSize: "small" },
        fc.integer(),
        fc.array(tie("expr"), { maxLength: 3 }),
        fc.array(tie("expr"), { maxLength: 3 }).map((args) => ({ merge: args })),
        tie("expr").map((arg) => ({ "!!": [arg] })),
      ),
    })).expr;
    fc.assert(
      fc.property(expression, fc.integer({ min: 1, max: 8 }), (expr, maxDepth) => {
        const depth = expressionDepth(expr);
        let compiled = true;
        try {
          compileExpression(expr, { maxDepth });
        } catch (error) {
          expect(error).toMatchObject({ code: "EXPR_TOO_DEEP" });
          compiled = false;
        }
        expect(compiled).toBe(depth <= maxDepth);
      }),
    );
  });

  it("handles very deep values without overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 9_000; i++) deep = { "!": [deep] };
    expect(expressionDepth(deep)).toBe(9_000);
    expect(collectVars(deep)).toEqual([]);
  });

  it("gives up on cyclic values with EXPR_TOO_DEEP and a pointer", () => {
    const cycle: Record<string, unknown> = {};
    cycle["!"] = [cycle];
    try {
      expressionDepth(cycle);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      expect(error).toMatchObject({ code: "EXPR_TOO_DEEP" });
      expect((error as ExpressionError).path.startsWith("/!/0/!/0")).toBe(true);
    }
  });
});
