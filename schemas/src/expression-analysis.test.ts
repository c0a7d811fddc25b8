import { describe, expect, test } from "vitest";
import {
  analyzeExpression,
  EXPRESSION_OPERATORS,
  isExpressionOperator,
  MAX_EXPRESSION_DEPTH,
  operatorOf,
  rootField,
  UNSUPPORTED_OPERATORS,
  varSegments,
} from "./expression-analysis.js";

describe("analyzeExpression", () => {
  test("literals read nothing", () => {
    expect(analyzeExpression(1)).toEqual({ vars: [], aggregates: [], depth: 0, issues: [] });
    expect(analyzeExpression(null).vars).toEqual([]);
  });

  test("vars (string, number and with defaults) and aggregates, each once", () => {
    const analysis = analyzeExpression({
      and: [
        { var: "amount" },
        { var: ["amount", 0] },
        { var: 0 },
        { var: "" },
        { var: [] },
        { ">": [{ aggregate: "open_total" }, { aggregate: ["open_total"] }] },
        { in: ["a", ["a", { var: "tags" }]] },
      ],
    });
    expect(analysis.vars).toEqual(["amount", "0", "tags"]);
    expect(analysis.aggregates).toEqual(["open_total"]);
    expect(analysis.issues).toEqual([]);
    expect(analysis.depth).toBe(4);
  });

  test("reads inside row-scoped operators are the rows', not the record's", () => {
    const analysis = analyzeExpression({
      sum_of: [{ var: "line_items" }, { "*": [{ var: "qty" }, { var: "price" }] }],
    });
    expect(analysis.vars).toEqual(["line_items"]);
    const nested = analyzeExpression({ map: [{ var: "rows" }, { filter: [{ var: "sub" }, { var: "x" }] }] });
    expect(nested.vars).toEqual(["rows"]);
  });

  test("unknown and deliberately unsupported operators", () => {
    const analysis = analyzeExpression({ if: [{ log: "x" }, { frobnicate: [] }, { "a/b~": 1 }] });
    expect(analysis.issues).toEqual([
      {
        path: "/if/0/log",
        code: "unknown_operator",
        message: `operator "log" is not supported: ${UNSUPPORTED_OPERATORS["log"]}`,
        params: { operator: "log" },
      },
      {
        path: "/if/1/frobnicate",
        code: "unknown_operator",
        message: 'unknown operator "frobnicate"',
        params: { operator: "frobnicate" },
      },
      {
        path: "/if/2/a~1b~0",
        code: "unknown_operator",
        message: 'unknown operator "a/b~"',
        params: { operator: "a/b~" },
      },
    ]);
  });

  test("prototype paths are forbidden and not reported as vars", () => {
    const analysis = analyzeExpression({ "+": [{ var: "a.__proto__.x" }, { var: "constructor" }] });
    expect(analysis.vars).toEqual([]);
    expect(analysis.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "forbidden_path /+/0/var",
      "forbidden_path /+/1/var",
    ]);
  });

  test("objects with other than one key are not operators", () => {
    expect(analyzeExpression({}).issues.map((i) => i.code)).toEqual(["expression_shape"]);
    expect(analyzeExpression({ var: "a", x: 1 }).issues.map((i) => i.code)).toEqual(["expression_shape"]);
  });

  test("too deep is reported once, at the first level past the limit", () => {
    let expr: unknown = { var: "a" };
    for (let i = 0; i < 10; i++) expr = { "!": expr };
    const analysis = analyzeExpression(expr, 5);
    expect(analysis.issues).toEqual([
      { path: "/!/!/!/!/!/!", code: "expression_too_deep", message: "nested deeper than 5" },
    ]);
    expect(analysis.vars).toEqual([]);
    expect(analyzeExpression(expr).issues).toEqual([]);
    expect(MAX_EXPRESSION_DEPTH).toBeGreaterThan(10);
  });

  test("arrays nest too", () => {
    let expr: unknown = 1;
    for (let i = 0; i < 40; i++) expr = [expr];
    expect(analyzeExpression(expr).issues.map((i) => i.code)).toEqual(["expression_too_deep"]);
  });
});

describe("helpers", () => {
  test("operatorOf", () => {
    expect(operatorOf({ var: "a" })).toBe("var");
    expect(operatorOf({})).toBeUndefined();
    expect(operatorOf([1])).toBeUndefined();
    expect(operatorOf("var")).toBeUndefined();
  });

  test("varSegments and rootField", () => {
    expect(varSegments("a.b.0")).toEqual(["a", "b", "0"]);
    expect(varSegments(3)).toEqual(["3"]);
    expect(varSegments("")).toEqual([]);
    expect(rootField("line_items.0.qty")).toBe("line_items");
    expect(rootField("")).toBe("");
  });

  test("isExpressionOperator knows the whitelist only", () => {
    expect(EXPRESSION_OPERATORS.every(isExpressionOperator)).toBe(true);
    expect(isExpressionOperator("log")).toBe(false);
    expect(isExpressionOperator("toString")).toBe(false);
  });
});
