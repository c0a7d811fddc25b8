import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToNumber,
  finiteOrNull,
  looseCompare,
  looseEquals,
  numericValue,
  parseFloatLike,
  toIntegerOrInfinity,
  toNumber,
  toPrimitive,
  toText,
  truthy,
} from "./json-coercion.js";

/** JSON values whose native coercion runs no user code (no own toString/valueOf keys). */
const json = fc.jsonValue().filter((value) => !JSON.stringify(value).match(/"(toString|valueOf)"/));
const scalars: unknown[] = [
  0,
  -0,
  1,
  -1.5,
  1e21,
  "",
  "0",
  " 12 ",
  "1e3",
  "0x10",
  "abc",
  "Infinity",
  true,
  false,
  null,
];
const samples: unknown[] = [...scalars, [], [0], [1, 2], [null], [[]], ["a", [null, "b"]], {}, { a: 1 }];

describe("native-equivalent coercions", () => {
  it("String() of JSON values", () => {
    fc.assert(fc.property(json, (value) => toText(value) === String(value as number)));
  });

  it("Number() of JSON values", () => {
    fc.assert(fc.property(json, (value) => Object.is(toNumber(value), Number(value))));
  });

  it("== between JSON values", () => {
    fc.assert(fc.property(json, json, (a, b) => looseEquals(a, b) === (a == b)));
    for (const a of samples)
      for (const b of samples) expect([a, b, looseEquals(a, b)]).toEqual([a, b, a == b]);
  });

  it("<, <=, >, >= between JSON values", () => {
    const check = (left: unknown, right: unknown): void => {
      const [a, b] = [left as number, right as number];
      const order = looseCompare(a, b);
      expect([a, b, order < 0, order <= 0, order > 0, order >= 0]).toEqual([
        a,
        b,
        a < b,
        a <= b,
        a > b,
        a >= b,
      ]);
    };
    fc.assert(
      fc.property(json, json, (a, b) => {
        check(a, b);
      }),
    );
    for (const a of samples) for (const b of samples) check(a, b);
  });

  it("parseFloat as JSON Logic's + uses it", () => {
    fc.assert(
      fc.property(json, (value) => {
        const expected = parseFloat(value as string);
        return Object.is(parseFloatLike(value), expected === 0 ? 0 : expected);
      }),
    );
  });

  it("number + value", () => {
    for (const value of samples) expect(addToNumber(5, value)).toStrictEqual(5 + (value as number));
  });

  it("truthiness: JavaScript's, but an empty array is falsy", () => {
    expect([[], [0], "", "0", 0, -0, Number.NaN, null, {}].map(truthy)).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it("ToIntegerOrInfinity", () => {
    expect([1.9, -1.9, "3", Number.NaN, "x", -0, Number.NEGATIVE_INFINITY].map(toIntegerOrInfinity)).toEqual([
      1,
      -1,
      3,
      0,
      0,
      0,
      Number.NEGATIVE_INFINITY,
    ]);
  });
});

describe("fixed samples (deterministic, beside the random ones)", () => {
  it("convert like String() and Number()", () => {
    for (const value of [...samples, "b", "a"]) {
      expect(toText(value)).toBe(String(value as number));
      expect(Object.is(toNumber(value), Number(value))).toBe(true);
    }
  });

  it("order strings as strings", () => {
    expect([looseCompare("b", "a"), looseCompare("a", "a"), looseCompare("a", "b")]).toEqual([1, 0, -1]);
    expect([looseCompare(["b"], "a"), looseCompare(2, "10"), looseCompare("2", "10")]).toEqual([1, -1, 1]);
  });
});

describe("coercions of values native conversion would choke on", () => {
  const shadowing = { toString: 1, valueOf: 2 };
  const bare = Object.create(null) as object;
  const cyclic: unknown[] = [1];
  cyclic.push(cyclic);

  it("never call a method the data provides", () => {
    expect(() => String(shadowing)).toThrow(TypeError);
    expect(toText(shadowing)).toBe("[object Object]");
    expect(toText(bare)).toBe("[object Object]");
    expect(toNumber(shadowing)).toBeNaN();
    expect(looseEquals(shadowing, "[object Object]")).toBe(true);
    expect(looseEquals(bare, 1)).toBe(false);
    expect(looseCompare(bare, "a")).toBeLessThan(0);
    expect(toText([shadowing, bare])).toBe("[object Object],[object Object]");
  });

  it("join a cyclic array like V8 does", () => {
    expect(toText(cyclic)).toBe(String(cyclic));
    expect(toText([cyclic, cyclic])).toBe(String([cyclic, cyclic]));
  });

  it("convert symbols, bigints, functions and undefined without throwing", () => {
    const symbol = Symbol("s");
    expect(toText(symbol)).toBe("Symbol(s)");
    expect(toNumber(symbol)).toBeNaN();
    expect(toText(10n)).toBe("10");
    expect(toNumber(10n)).toBe(10);
    expect(toText(() => 1)).toBe("[object Function]");
    expect(toNumber(() => 1)).toBeNaN();
    expect(toText(undefined)).toBe("undefined");
    expect(toNumber(undefined)).toBeNaN();
    expect(toPrimitive(() => 1)).toBe("[object Function]");
    expect(looseEquals(symbol, symbol)).toBe(true);
    expect(looseEquals(undefined, null)).toBe(true);
    expect(looseEquals([1], true)).toBe(true);
    expect(looseEquals(true, [1])).toBe(true);
    expect(looseEquals(null, [])).toBe(false);
    expect(looseEquals([], [])).toBe(false);
  });
});

describe("numbers for the extras", () => {
  it("accepts finite numbers and numeric strings only", () => {
    expect(
      [3, "4.5", " 6 ", "", "  ", "x", Number.NaN, Number.POSITIVE_INFINITY, "Infinity", null, true, [1]].map(
        numericValue,
      ),
    ).toEqual([3, 4.5, 6, null, null, null, null, null, null, null, null, null]);
    expect([1, Number.NaN, Number.NEGATIVE_INFINITY].map(finiteOrNull)).toEqual([1, null, null]);
  });
});
