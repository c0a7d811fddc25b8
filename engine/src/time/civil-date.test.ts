import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  daysInMonth,
  formatCivil,
  formatDay,
  isoWeekday,
  parseDay,
} from "./civil-date.js";

describe("civil day numbers", () => {
  it("agree with Date.UTC over years 0000–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_528, max: 2_932_896 }), (days) => {
        const date = new Date(days * DAY_MS);
        const civil = civilFromDays(days);
        expect(civil).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(days);
      }),
    );
  });

  it("formats four-digit years only", () => {
    expect(formatDay(0)).toBe("1970-01-01");
    expect(formatDay(daysFromCivil(0, 1, 1))).toBe("0000-01-01");
    expect(formatDay(daysFromCivil(0, 1, 1) - 1)).toBeNull();
    expect(formatDay(daysFromCivil(10_000, 1, 1))).toBeNull();
  });
});

describe("parseDay", () => {
  it("reads real dates only", () => {
    expect(parseDay("1970-01-01")).toBe(0);
    expect(parseDay("2028-02-29")).toBe(daysFromCivil(2028, 2, 29));
    expect(parseDay("0050-01-01")).toBe(daysFromCivil(50, 1, 1));
    for (const text of [
      "2026-02-29",
      "2026-13-01",
      "2026-00-01",
      "2026-04-31",
      "2026-1-1",
      "2026-01-01T00:00Z",
    ]) {
      expect(parseDay(text)).toBeNull();
    }
  });

  it("knows month lengths and leap years", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2026, month))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect([2000, 2024, 1900, 2100].map((year) => daysInMonth(year, 2))).toEqual([29, 29, 28, 28]);
  });
});

describe("weekdays and formatting", () => {
  it("numbers ISO weekdays from Monday, before 1970 too", () => {
    expect(isoWeekday(0)).toBe(4); // 1970-01-01, a Thursday
    expect(isoWeekday(daysFromCivil(2026, 11, 23))).toBe(1);
    expect(isoWeekday(daysFromCivil(1969, 12, 28))).toBe(7);
  });

  it("formats any year with at least four digits", () => {
    expect(formatCivil({ year: 50, month: 1, day: 2 })).toBe("0050-01-02");
    expect(formatCivil(civilFromDays(daysFromCivil(0, 1, 1) - 1))).toBe("-0001-12-31");
    expect(formatCivil(civilFromDays(daysFromCivil(10_000, 1, 1)))).toBe("10000-01-01");
  });
});
