/** Invariants of the interpreter over arbitrary input (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.js";
import type { EvalContext } from "./eval-context.js";
import { evaluate } from "./evaluate.js";
import { ExpressionError } from "./expression-error.js";
import { SUPPORTED_OPERATORS, UNSUPPORTED_OPERATORS } from "./operator-table.js";

const PROTOTYPES: readonly unknown[] = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Symbol.prototype,
  Date.prototype,
  Object,
  Array,
  Function,
];

const keyNames = [
  "a",
  "b",
  "0",
  "1",
  "qty",
  "length",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "constructor",
  "__proto__",
  "prototype",
];
const key = fc.constantFrom(...keyNames);
const path = fc.oneof(
  key,
  fc.array(key, { minLength: 1, maxLength: 3 }).map((keys) => keys.join(".")),
  fc.constant(""),
);
const scalar = fc.oneof(
  fc.constantFrom(0, -0, 1, -2.5, 1e21, "", "0", "12", "abc", true, false, null),
  fc.constantFrom("2026-11-23", "2026-11-23T10:00:00Z", "2026-02-30", "day", "week", "quarter"),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Data with prototype-like keys and, at times, null-prototype objects. */
const data = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
})).value;

const operatorNames = [...SUPPORTED_OPERATORS, ...UNSUPPORTED_OPERATORS.keys(), "unknown"];

/** Expressions built from every operator with arbitrary argument counts and shapes. */
const expression = fc.letrec<{ expr: unknown }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    path.map((p) => ({ var: p })),
    fc.tuple(path, tie("expr")).map(([p, fallback]) => ({ var: [p, fallback] })),
    tie("expr").map((name) => ({ var: name })),
    fc.array(tie("expr"), { maxLength: 3 }),
    fc
      .tuple(fc.constantFrom(...operatorNames), fc.array(tie("expr"), { maxLength: 4 }), fc.boolean())
      .map(([op, args, spread]) => ({ [op]: spread || args.length !== 1 ? args : args[0] })),
  ),
})).expr;

const context: fc.Arbitrary<EvalContext | undefined> = fc.option(
  fc.record(
    {
      now: fc.constantFrom("2026-11-23T10:00:00Z", "2026-11-23", "not a date"),
      timeZone: fc.constantFrom("UTC", "Asia/Shanghai", "America/Los_Angeles", "Bad/Zone"),
      aggregates: fc.dictionary(key, scalar, { maxKeys: 3 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

function deepFreeze(value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every function or intrinsic prototype reachable from a result. */
function forbiddenReachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if (typeof value === "function" || PROTOTYPES.includes(value)) return [value];
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  return Object.values(value).flatMap((child) => forbiddenReachable(child, seen));
}

function run(expr: unknown, record: unknown, ctx?: EvalContext): { value?: unknown; error?: unknown } {
  try {
    return { value: evaluate(expr, record, ctx) };
  } catch (error) {
    return { error };
  }
}

describe("expression invariants", () => {
  it("any JSON as expression and data only ever fails with an ExpressionError", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), context, (expr, record, ctx) => {
        const { error } = run(expr, record, ctx);
        if (error !== undefined) expect(error).toBeInstanceOf(ExpressionError);
      }),
      { numRuns: 2000 },
    );
  });

  it("operator-shaped expressions only ever fail with an ExpressionError", () => {
    fc.assert(
      fc.property(expression, data, context, (expr, record, ctx) => {
        const { error } = run(expr, record, ctx);
        if (error !== undefined) expect(error).toBeInstanceOf(ExpressionError);
      }),
      { numRuns: 5000 },
    );
  });

  it("evaluation never mutates the data", () => {
    fc.assert(
      fc.property(expression, data, context, (expr, record, ctx) => {
        const before = JSON.stringify(record);
        const { error } = run(expr, deepFreeze(record), ctx);
        // Writing to frozen data would throw a TypeError in strict mode.
        if (error !== undefined) expect(error).toBeInstanceOf(ExpressionError);
        expect(JSON.stringify(record)).toBe(before);
      }),
      { numRuns: 3000 },
    );
  });

  it("results never reach a prototype or a function", () => {
    fc.assert(
      fc.property(expression, data, context, (expr, record, ctx) => {
        const { value } = run(expr, record, ctx);
        expect(forbiddenReachable(value)).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });

  it("the extras never produce NaN or Infinity", () => {
    const extras = [
      "days_since",
      "days_between",
      "add_days",
      "year",
      "month",
      "elapsed_ratio",
      "sum_of",
      "avg_of",
      "min_of",
      "max_of",
      "count_where",
      "count",
      "round",
      "abs",
      "div",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...extras),
        fc.array(expression, { maxLength: 3 }),
        data,
        context,
        (op, args, record, ctx) => {
          const { value } = run({ [op]: args }, record, ctx);
          if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("prototype probes are refused or find nothing", () => {
    const refused = [
      "constructor",
      "__proto__",
      "prototype",
      "a.constructor",
      "0.__proto__",
      "toString.constructor",
    ];
    for (const probe of refused) {
      expect(() => compileExpression({ var: probe })).toThrow(ExpressionError);
      expect(() => evaluate({ var: { cat: [probe] } }, {})).toThrow(ExpressionError);
    }
    for (const probe of ["toString", "valueOf", "hasOwnProperty", "__defineGetter__", "length", "a.length"]) {
      expect(evaluate({ var: probe }, { a: "text" })).toBeNull();
    }
  });
});
