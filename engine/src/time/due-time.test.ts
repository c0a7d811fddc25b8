import type { AppDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { parseDay } from "./civil-date.js";
import {
  addDuration,
  appCalendar,
  DEFAULT_CALENDAR,
  isWorkingDay,
  minimumDurationMs,
  workingCalendar,
} from "./due-time.js";

const CHINA = workingCalendar({
  id: "cn",
  weekend: [0, 6],
  holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "not-a-date"],
  workdays: ["2026-10-10"],
});

function day(text: string): number {
  const value = parseDay(text);
  if (value === null) throw new Error(text);
  return value;
}

describe("working days", () => {
  it("skips weekends and holidays and counts listed workdays", () => {
    expect(isWorkingDay(CHINA, day("2026-09-30"))).toBe(true); // Wednesday
    expect(isWorkingDay(CHINA, day("2026-10-01"))).toBe(false); // holiday
    expect(isWorkingDay(CHINA, day("2026-10-03"))).toBe(false); // Saturday
    expect(isWorkingDay(CHINA, day("2026-10-10"))).toBe(true); // Saturday worked (调休)
    expect(isWorkingDay(DEFAULT_CALENDAR, day("1969-12-28"))).toBe(false); // a Sunday before day 0
  });

  it("picks the app's calendar, its first one, or the default", () => {
    const base = { id: "a", name: { zh: "a", en: "a" }, forms: [] } as unknown as AppDefinition;
    const calendars = [
      { id: "x", weekend: [5] },
      { id: "y", weekend: [1] },
    ];
    expect(appCalendar(base)).toBe(DEFAULT_CALENDAR);
    expect([...appCalendar({ ...base, calendars }).weekend]).toEqual([5]);
    expect([...appCalendar({ ...base, calendars, settings: { calendar: "y" } }).weekend]).toEqual([1]);
  });
});

describe("addDuration", () => {
  it("adds minutes and hours as elapsed time", () => {
    const start = "2026-11-23T09:00:00.000Z";
    expect(addDuration(start, { amount: 90, unit: "minutes" }, "UTC")).toBe("2026-11-23T10:30:00.000Z");
    expect(addDuration(start, { amount: 25, unit: "hours" }, "UTC")).toBe("2026-11-24T10:00:00.000Z");
  });

  it("keeps the local time of day across a DST change, with fractions as elapsed time", () => {
    // Berlin leaves summer time on 2026-10-25: one day later is 25 hours later, at 09:00 local.
    const start = "2026-10-24T07:00:00.000Z";
    expect(addDuration(start, { amount: 1, unit: "days" }, "Europe/Berlin")).toBe("2026-10-25T08:00:00.000Z");
    expect(addDuration(start, { amount: 1.5, unit: "days" }, "Europe/Berlin")).toBe(
      "2026-10-25T20:00:00.000Z",
    );
  });

  it("counts working days in the app's zone, skipping weekends and holidays", () => {
    // Friday 2026-09-25 10:00 Shanghai; 3 working days: Mon 28, Tue 29, Wed 30.
    const friday = "2026-09-25T02:00:00.000Z";
    expect(addDuration(friday, { amount: 3, unit: "working_days" }, "Asia/Shanghai", CHINA)).toBe(
      "2026-09-30T02:00:00.000Z",
    );
    // From Wed 30: Oct 1, 2 holidays, 3–4 weekend, 5 holiday, then Tue 6 is the first working day.
    expect(
      addDuration("2026-09-30T02:00:00.000Z", { amount: 1, unit: "working_days" }, "Asia/Shanghai", CHINA),
    ).toBe("2026-10-06T02:00:00.000Z");
    // A start on Saturday counts from Monday; the default calendar is Saturday and Sunday off.
    expect(addDuration("2026-11-21T09:00:00.000Z", { amount: 1, unit: "working_days" }, "UTC")).toBe(
      "2026-11-23T09:00:00.000Z",
    );
  });

  it("answers null when no working day is in reach", () => {
    const never = workingCalendar({ id: "never", weekend: [0, 1, 2, 3, 4, 5, 6] });
    expect(addDuration("2026-11-23T09:00:00.000Z", { amount: 1, unit: "working_days" }, "UTC", never)).toBe(
      null,
    );
  });
});

describe("minimumDurationMs", () => {
  it("never exceeds the real duration", () => {
    expect(minimumDurationMs({ amount: 2, unit: "minutes" })).toBe(120_000);
    expect(minimumDurationMs({ amount: 2, unit: "hours" })).toBe(7_200_000);
    expect(minimumDurationMs({ amount: 1, unit: "days" })).toBe(79_200_000);
    expect(minimumDurationMs({ amount: 0.5, unit: "working_days" })).toBe(0);
  });
});
