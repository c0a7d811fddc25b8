import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS, daysFromCivil, isoWeek, parseDay } from "./civil-date.js";
import { isPeriodUnit, periodKey } from "./period-key.js";

const day = (text: string): number => {
  const days = parseDay(text);
  if (days === null) throw new Error(`bad test date ${text}`);
  return days;
};

describe("ISO weeks and periods", () => {
  it.each([
    ["2026-01-01", "2026-W01"],
    ["2027-01-01", "2026-W53"],
    ["2026-12-31", "2026-W53"],
    ["2027-01-04", "2027-W01"],
    ["2021-01-03", "2020-W53"],
    ["2024-12-30", "2025-W01"],
    ["2026-11-23", "2026-W48"],
    ["2026-11-22", "2026-W47"],
  ])("%s is in %s", (date, key) => {
    expect(periodKey(day(date), "week")).toBe(key);
  });

  it("agrees with an independent ISO week computation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_932_000 }), (days) => {
        const date = new Date(days * DAY_MS);
        const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
        const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
        const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
        const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
        expect(isoWeek(days)).toEqual({ year: thursday.getUTCFullYear(), week });
      }),
    );
  });

  it("keys every unit", () => {
    const date = day("2026-11-23");
    expect(
      ["day", "week", "month", "quarter", "year"].filter(isPeriodUnit).map((unit) => periodKey(date, unit)),
    ).toEqual(["2026-11-23", "2026-W48", "2026-11", "2026-Q4", "2026"]);
    expect(periodKey(day("2026-03-31"), "quarter")).toBe("2026-Q1");
    expect(periodKey(day("2026-04-01"), "quarter")).toBe("2026-Q2");
    expect(isPeriodUnit("fortnight")).toBe(false);
    expect(isPeriodUnit(1)).toBe(false);
  });

  it("gives null outside years 0000–9999", () => {
    const early = daysFromCivil(0, 1, 1);
    expect(periodKey(early, "week")).toBeNull(); // a Saturday: week 52 of year -1
    expect(periodKey(early, "month")).toBe("0000-01");
    expect(periodKey(early - 1, "year")).toBeNull();
    expect(periodKey(daysFromCivil(9999, 12, 31), "week")).toBe("9999-W52");
  });
});
