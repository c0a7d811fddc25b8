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

describe("analyzeExpression agrees with the engine", () => {
  test("the literal keys of missing and missing_some are reads, selected as the engine selects them", () => {
    expect(analyzeExpression({ missing: ["a", "b.c"] }).vars).toEqual(["a", "b.c"]);
    expect(analyzeExpression({ missing: [["x", "y"], "ignored"] }).vars).toEqual(["x", "y"]);
    expect(analyzeExpression({ missing: "one" }).vars).toEqual(["one"]);
    expect(analyzeExpression({ missing_some: [1, ["p", "q", { var: "r" }]] }).vars).toEqual(["p", "q", "r"]);
    expect(analyzeExpression({ missing_some: [1, [["s", "t"]]] }).vars).toEqual(["s", "t"]);
    expect(analyzeExpression({ missing_some: [1, "u"] }).vars).toEqual(["u"]);
    expect(analyzeExpression({ missing: { merge: ["vin", { var: "extra" }] } }).vars).toEqual(["extra"]);
    expect(analyzeExpression({ map: [{ var: "rows" }, { missing: ["row_key"] }] }).vars).toEqual(["rows"]);
    const forbidden = analyzeExpression({ missing: ["ok", "a.__proto__"] });
    expect(forbidden.vars).toEqual(["ok"]);
    expect(forbidden.issues.map((i) => `${i.code} ${i.path}`)).toEqual(["forbidden_path /missing"]);
  });

  test("reduce's initial value reads the record; only the second argument is per element", () => {
    const analysis = analyzeExpression({
      reduce: [{ var: "items" }, { "+": [{ var: "current" }, { var: "accumulator" }] }, { var: "start" }],
    });
    expect(analysis.vars).toEqual(["items", "start"]);
    expect(analyzeExpression({ count_where: { var: "rows" } }).vars).toEqual(["rows"]);
  });

  test("aggregates count in rows too, an empty id included (it names no declared aggregate)", () => {
    const analysis = analyzeExpression({ sum_of: [{ var: "rows" }, { aggregate: "rate" }] });
    expect(analysis.aggregates).toEqual(["rate"]);
    expect(analyzeExpression({ aggregate: "" }).aggregates).toEqual([""]);
    expect(analyzeExpression({ aggregate: [{ var: "computed" }] }).aggregates).toEqual([]);
  });

  test("depth counts operations and literal arrays, empty ones too, as compileExpression does", () => {
    expect(analyzeExpression({ today: [] }).depth).toBe(1);
    expect(analyzeExpression([[[]]]).depth).toBe(3);
    expect(analyzeExpression({ in: ["a", ["a", "b"]] }).depth).toBe(2);
    expect(analyzeExpression({ "!": { "!": { today: [] } } }, 2).issues).toEqual([
      { path: "/!/!", code: "expression_too_deep", message: "nested deeper than 2" },
    ]);
    expect(analyzeExpression([[[]]], 2).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "expression_too_deep /0/0",
    ]);
    expect(analyzeExpression([{}], 1).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "expression_shape /0",
      "expression_too_deep /0",
    ]);
    expect(analyzeExpression({ "!": { "!": { today: [] } } }, 3).issues).toEqual([]);
  });

  test("reads and problems inside malformed nodes and unknown operators are reported too", () => {
    const analysis = analyzeExpression({
      if: [{ frobnicate: { var: "a" } }, { x: { var: "b" }, y: [{ var: "c" }, { log: 1 }] }],
    });
    expect(analysis.vars).toEqual(["a", "b", "c"]);
    expect(analysis.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "unknown_operator /if/0/frobnicate",
      "expression_shape /if/1",
      "unknown_operator /if/1/y/1/log",
    ]);
    expect(analysis.depth).toBe(4);
  });

  test("operator names never find a reason on Object.prototype", () => {
    const analysis = analyzeExpression(JSON.parse('{"toString": [1]}'));
    expect(analysis.issues.map((i) => i.message)).toEqual(['unknown operator "toString"']);
  });

  test("class instances are not operator nodes, and getters never run", () => {
    class Probe {
      var = "a";
    }
    expect(analyzeExpression([new Date(0), new Probe()]).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "expression_shape /0",
      "expression_shape /1",
    ]);
    const getter = Object.defineProperty({}, "var", {
      enumerable: true,
      get: () => {
        throw new Error("ran");
      },
    });
    expect(analyzeExpression(getter).vars).toEqual([]);
    expect(analyzeExpression(Object.assign(Object.create(null), { var: "n" })).vars).toEqual(["n"]);
  });

  test("deep values do not overflow the stack and cyclic ones are cut at the limit", () => {
    let deep: unknown = { var: "bottom" };
    for (let i = 0; i < 20_000; i++) deep = { "!": [deep] };
    expect(analyzeExpression(deep, 30_000)).toMatchObject({ vars: ["bottom"], depth: 20_001, issues: [] });
    const cycle: Record<string, unknown> = {};
    cycle["+"] = [cycle, cycle];
    // Each branch doubles the nodes per level: without the cut this would never end.
    const analysis = analyzeExpression(cycle, 50);
    const chain = "/+/0".repeat(50);
    expect(analysis.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      `expression_too_deep ${chain}/+/0`,
      `expression_too_deep ${chain}/+/1`,
    ]);
  });
});
