/**
 * A differential test: random expressions over the standard operators evaluate exactly as a small
 * reference interpreter using JavaScript's native operators, the way jsonlogic.com's does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.js";
import { ExpressionError } from "./expression-error.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Native semantics, jsonlogic.com style; strings are not containers (our documented choice).
 * The casts only quiet the type checker: the native operators coerce at run time as in JSON Logic.
 */
function reference(logic: unknown, data: unknown): unknown {
  if (Array.isArray(logic)) return logic.map((item: unknown) => reference(item, data));
  if (typeof logic !== "object" || logic === null || Object.keys(logic).length !== 1) return logic;
  const op = Object.keys(logic)[0]!;
  const raw = (logic as Record<string, unknown>)[op];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));
  if (op === "if" || op === "?:") {
    let i = 0;
    for (; i < args.length - 1; i += 2)
      if (truthy(reference(args[i], data))) return reference(args[i + 1], data);
    return args.length === i + 1 ? reference(args[i], data) : null;
  }
  if (op === "and" || op === "or") {
    let current: unknown;
    for (const arg of args) {
      current = reference(arg, data);
      if (truthy(current) === (op === "or")) return current;
    }
    return current;
  }
  if (["map", "filter", "all", "some", "none", "reduce"].includes(op)) {
    const list = reference(args[0], data);
    const items: unknown[] = Array.isArray(list) ? list : [];
    const each = (item: unknown): unknown => reference(args[1], item);
    if (op === "map") return items.map(each);
    if (op === "filter") return items.filter((item) => truthy(each(item)));
    if (op === "all") return items.length > 0 && items.every((item) => truthy(each(item)));
    if (op === "some") return items.some((item) => truthy(each(item)));
    if (op === "none") return !items.some((item) => truthy(each(item)));
    const initial = args.length > 2 ? reference(args[2], data) : null;
    return items.reduce((accumulator, current) => reference(args[1], { current, accumulator }), initial);
  }
  const values = args.map((arg) => reference(arg, data));
  const [a, b, c] = values as [number, number, number | undefined];
  switch (op) {
    case "var": {
      const name = values[0] as string | number | null | undefined;
      if (name === undefined || name === null || name === "") return data;
      let current = data;
      for (const key of String(name).split(".")) {
        if (typeof current !== "object" || current === null) return values[1] ?? null;
        current = (current as Record<string, unknown>)[key];
        if (current === undefined) return values[1] ?? null;
      }
      return current;
    }
    case "==":
      return a == b;
    case "===":
      return a === b;
    case "!=":
      return a != b;
    case "!==":
      return a !== b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "<":
      return c === undefined ? a < b : a < b && b < c;
    case "<=":
      return c === undefined ? a <= b : a <= b && b <= c;
    case "!":
      return !truthy(a);
    case "!!":
      return truthy(a);
    case "%":
      return a % b;
    case "/":
      return a / b;
    case "-":
      return (b as unknown) === undefined ? -a : a - b;
    case "+":
      return (values as string[]).reduce(
        (x: number, y) => parseFloat(x as unknown as string) + parseFloat(y),
        0,
      );
    case "*":
      return (values as string[]).reduce((x, y) => (parseFloat(x) * parseFloat(y)) as unknown as string);
    case "min":
      return Math.min(...(values as number[]));
    case "max":
      return Math.max(...(values as number[]));
    case "cat":
      return values.join("");
    case "in": {
      const haystack = values[1] as { indexOf?: unknown } | null;
      return (
        Boolean(haystack) &&
        typeof haystack?.indexOf === "function" &&
        (haystack as string).indexOf(a as unknown as string) !== -1
      );
    }
    case "substr": {
      const text = String(a);
      /* eslint-disable @typescript-eslint/no-deprecated -- the reference behaviour itself */
      const tail = text.substr(b);
      return (c as number) < 0 ? tail.slice(0, Math.max(0, tail.length + (c as number))) : text.substr(b, c);
      /* eslint-enable @typescript-eslint/no-deprecated */
    }
    case "merge":
      return (values as unknown[][]).reduce((x, y) => x.concat(y), []);
    default:
      throw new Error(`reference lacks ${op}`);
  }
}

const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  "==": [2, 2],
  "===": [2, 2],
  "!=": [2, 2],
  "!==": [2, 2],
  ">": [2, 2],
  ">=": [2, 2],
  "<": [2, 3],
  "<=": [2, 3],
  "!": [1, 1],
  "!!": [1, 1],
  "%": [2, 2],
  "/": [2, 2],
  "-": [1, 2],
  "+": [0, 4],
  "*": [1, 4],
  min: [1, 3],
  max: [1, 3],
  cat: [0, 3],
  in: [2, 2],
  merge: [0, 3],
  if: [0, 5],
  "?:": [3, 3],
  and: [1, 3],
  or: [1, 3],
  map: [2, 2],
  filter: [2, 2],
  all: [2, 2],
  some: [2, 2],
  none: [2, 2],
  reduce: [2, 3],
  var: [1, 2],
};

const key = fc.constantFrom("a", "b", "0", "1", "length", "current", "accumulator");
const path = fc.oneof(
  key,
  fc.tuple(key, key).map(([x, y]) => `${x}.${y}`),
  fc.constant(""),
);
const scalar = fc.oneof(
  fc.constantFrom(0, 1, -1, 2.5, "", "0", "1", "a", "abc", true, false, null, -0),
  fc.integer({ min: -5, max: 5 }),
);
const data: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

const expression: fc.Arbitrary<Json> = fc.letrec<{ expr: Json }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    path.map((p) => ({ var: p })),
    fc.tuple(path, scalar).map(([p, fallback]) => ({ var: [p, fallback] })),
    fc.array(tie("expr"), { maxLength: 2 }),
    fc.constantFrom(...Object.keys(ARITY)).chain((op) => {
      const [min, max] = ARITY[op]!;
      return fc.array(tie("expr"), { minLength: min, maxLength: max }).map((args) => ({ [op]: args }));
    }),
  ),
})).expr;

describe("differential test against native JavaScript semantics", () => {
  it("evaluates like the reference on random expressions and data", () => {
    fc.assert(
      fc.property(expression, data, (expr, record) => {
        let actual: unknown;
        try {
          actual = evaluate(expr, record);
        } catch (error) {
          // A computed path can spell a forbidden segment only through data; nothing else may fail.
          expect(error).toBeInstanceOf(ExpressionError);
          return;
        }
        expect(actual).toStrictEqual(reference(expr, record));
      }),
      { numRuns: 3000 },
    );
  });
});
