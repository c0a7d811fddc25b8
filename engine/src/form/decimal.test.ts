import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { roundToScale, scaleOf, toFiniteNumber } from "./decimal.js";

describe("toFiniteNumber", () => {
  test("numbers and numeric text", () => {
    expect(toFiniteNumber(3)).toBe(3);
    expect(toFiniteNumber("3.25")).toBe(3.25);
    expect(toFiniteNumber(" 7 ")).toBe(7);
    expect(toFiniteNumber(NaN)).toBeUndefined();
    expect(toFiniteNumber(Infinity)).toBeUndefined();
    expect(toFiniteNumber("1e400")).toBeUndefined();
    expect(toFiniteNumber("")).toBeUndefined();
    expect(toFiniteNumber(null)).toBeUndefined();
  });

  test("agrees with Number() on every finite number's text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(toFiniteNumber(String(x))).toBe(x + 0);
      }),
    );
  });
});

describe("roundToScale", () => {
  test("rounds half away from zero at the given scale", () => {
    expect(roundToScale(1.005, 100)).toBe(1.01);
    expect(roundToScale(-1.005, 100)).toBe(-1.01);
    expect(roundToScale(2.5, 1)).toBe(3);
    expect(roundToScale(1.2344, 1000)).toBe(1.234);
    expect(Object.is(roundToScale(-0.0001, 100), 0)).toBe(true);
    expect(roundToScale(2 ** 60, 100)).toBe(2 ** 60);
  });

  test("stays within half a unit of the scale", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, places) => {
          const scale = scaleOf(places) ?? 1;
          expect(Math.abs(roundToScale(x, scale) - x)).toBeLessThanOrEqual(0.5 / scale + 1e-6);
        },
      ),
    );
  });

  test("scaleOf", () => {
    expect(scaleOf(undefined)).toBeUndefined();
    expect(scaleOf(0)).toBe(1);
    expect(scaleOf(10)).toBe(1e10);
  });
});
