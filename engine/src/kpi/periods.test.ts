import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isCalendarDate, isoWeekOf, isoWeeksIn } from "./calendar-date.js";
import { KpiError } from "./kpi-error.js";
import {
  MAX_PERIODS,
  parsePeriodKey,
  periodBuckets,
  periodKey,
  periodRange,
  periodsBetween,
} from "./periods.js";
import { startOfDay } from "./zoned-midnight.js";

const code = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof KpiError) return error.code;
    throw error;
  }
  return "none";
};

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("0050-01-01")).toBe(false);
    expect(isCalendarDate("2026-1-1")).toBe(false);
    expect(code(() => addDays("2026-02-30", 1))).toBe("KPI_BAD_DATE");
  });

  it("adds and counts days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("knows ISO weeks and the years with 53 of them", () => {
    expect(isoWeekOf("2026-01-01")).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf("2027-01-03")).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf("2024-12-30")).toEqual({ year: 2025, week: 1 });
    expect([2020, 2026, 2032].map(isoWeeksIn)).toEqual([53, 53, 53]);
    expect([2024, 2025, 2027].map(isoWeeksIn)).toEqual([52, 52, 52]);
  });
});

describe("startOfDay", () => {
  it("is local midnight as a UTC instant", () => {
    expect(startOfDay("2026-11-01", "Asia/Shanghai")).toBe("2026-10-31T16:00:00.000Z");
    expect(startOfDay("2026-06-01", "Asia/Kolkata")).toBe("2026-05-31T18:30:00.000Z");
    expect(startOfDay("2026-01-01", "UTC")).toBe("2026-01-01T00:00:00.000Z");
  });

  it("follows daylight saving time", () => {
    expect(startOfDay("2026-03-08", "America/New_York")).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDay("2026-03-09", "America/New_York")).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDay("2026-11-02", "America/New_York")).toBe("2026-11-02T05:00:00.000Z");
  });

  it("starts a day whose midnight DST skips when the clock resumes (Havana, 00:00 → 01:00)", () => {
    expect(startOfDay("2025-03-09", "America/Havana")).toBe("2025-03-09T05:00:00.000Z");
    expect(startOfDay("2024-09-08", "America/Santiago")).toBe("2024-09-08T04:00:00.000Z");
  });

  it("starts a day whose midnight DST repeats at the first midnight (Amman, 01:00 → 00:00)", () => {
    expect(startOfDay("2016-10-28", "Asia/Amman")).toBe("2016-10-27T21:00:00.000Z");
    expect(periodKey("2016-10-27T21:30:00Z", "day", "Asia/Amman")).toBe("2016-10-28");
  });

  it("refuses a bad date with KPI_BAD_DATE before an unknown zone with Intl's RangeError", () => {
    expect(code(() => startOfDay("2026-02-30", "Mars/Olympus"))).toBe("KPI_BAD_DATE");
    expect(() => startOfDay("2026-01-01", "Mars/Olympus")).toThrow(RangeError);
    expect(() => periodKey("2026-01-01T00:00:00Z", "day", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("periodKey", () => {
  it("keys an instant by every unit", () => {
    const at = "2026-11-23T09:30:00Z";
    expect(periodKey(at, "day", "UTC")).toBe("2026-11-23");
    expect(periodKey(at, "week", "UTC")).toBe("2026-W48");
    expect(periodKey(at, "month", "UTC")).toBe("2026-11");
    expect(periodKey(at, "quarter", "UTC")).toBe("2026-Q4");
    expect(periodKey(at, "year", "UTC")).toBe("2026");
  });

  it("reads the instant in the time zone: late on Dec 31 UTC is Jan 1 in Shanghai", () => {
    const at = "2026-12-31T20:00:00Z";
    expect(periodKey(at, "day", "UTC")).toBe("2026-12-31");
    expect(periodKey(at, "day", "Asia/Shanghai")).toBe("2027-01-01");
    expect(periodKey(at, "month", "Asia/Shanghai")).toBe("2027-01");
    expect(periodKey(at, "quarter", "Asia/Shanghai")).toBe("2027-Q1");
    expect(periodKey(at, "year", "Asia/Shanghai")).toBe("2027");
    expect(periodKey("2027-01-01T01:00:00+08:00", "year", "UTC")).toBe("2026");
  });

  it("ISO week edges: 2026-12-31 and 2027-01-01 are in 2026-W53, 2027-01-04 starts 2027-W01", () => {
    expect(periodKey("2026-12-31", "week", "UTC")).toBe("2026-W53");
    expect(periodKey("2027-01-01", "week", "UTC")).toBe("2026-W53");
    expect(periodKey("2027-01-03", "week", "UTC")).toBe("2026-W53");
    expect(periodKey("2027-01-04", "week", "UTC")).toBe("2027-W01");
    expect(periodKey("2025-12-29", "week", "UTC")).toBe("2026-W01");
    expect(periodKey("2026-12-31T20:00:00Z", "week", "Asia/Shanghai")).toBe("2026-W53");
  });

  it("takes plain dates as they are, whatever the time zone", () => {
    expect(periodKey("2026-12-31", "year", "Pacific/Kiritimati")).toBe("2026");
  });

  it("refuses what is not a date or an instant", () => {
    expect(code(() => periodKey("2026-12-31T25:00:00Z", "day", "UTC"))).toBe("KPI_BAD_DATE");
    expect(code(() => periodKey("yesterday", "day", "UTC"))).toBe("KPI_BAD_DATE");
    expect(code(() => periodKey("2026-12-31T20:00:00", "day", "UTC"))).toBe("KPI_BAD_DATE");
    expect(periodKey("2026-12-31T20:00:00.123+0800", "day", "UTC")).toBe("2026-12-31");
    expect(periodKey("2026-12-31t20:00z", "day", "Asia/Shanghai")).toBe("2027-01-01");
    expect(code(() => periodKey("2026-02-30", "day", "UTC"))).toBe("KPI_BAD_DATE");
    expect(code(() => periodKey("9999-12-31T23:00:00-05:00", "year", "UTC"))).toBe("KPI_BAD_DATE");
  });

  it("pads years before 1000", () => {
    expect(periodKey("0100-01-05", "week", "UTC")).toBe("0100-W01");
    expect(periodKey("0999-12-31T20:00:00Z", "day", "Asia/Shanghai")).toBe("1000-01-01");
    expect(parsePeriodKey("0100-12")).toEqual({ unit: "month", from: "0100-12-01", to: "0101-01-01" });
    expect(parsePeriodKey("0999")).toEqual({ unit: "year", from: "0999-01-01", to: "1000-01-01" });
    expect(parsePeriodKey("0100-W01")).toEqual({ unit: "week", from: "0100-01-04", to: "0100-01-11" });
  });
});

describe("periodRange", () => {
  it("gives every unit's half-open range", () => {
    expect(parsePeriodKey("2026")).toEqual({ unit: "year", from: "2026-01-01", to: "2027-01-01" });
    expect(parsePeriodKey("2026-Q4")).toEqual({ unit: "quarter", from: "2026-10-01", to: "2027-01-01" });
    expect(parsePeriodKey("2026-Q1")).toEqual({ unit: "quarter", from: "2026-01-01", to: "2026-04-01" });
    expect(parsePeriodKey("2026-12")).toEqual({ unit: "month", from: "2026-12-01", to: "2027-01-01" });
    expect(parsePeriodKey("2026-02")).toEqual({ unit: "month", from: "2026-02-01", to: "2026-03-01" });
    expect(parsePeriodKey("2026-W53")).toEqual({ unit: "week", from: "2026-12-28", to: "2027-01-04" });
    expect(parsePeriodKey("2027-W01")).toEqual({ unit: "week", from: "2027-01-04", to: "2027-01-11" });
    expect(parsePeriodKey("2026-W01")).toEqual({ unit: "week", from: "2025-12-29", to: "2026-01-05" });
    expect(parsePeriodKey("2026-11-23")).toEqual({ unit: "day", from: "2026-11-23", to: "2026-11-24" });
  });

  it("adds the bounds' instants in a time zone, UTC by default", () => {
    expect(periodRange("2026-11")).toEqual({
      from: "2026-11-01",
      to: "2026-12-01",
      fromInstant: "2026-11-01T00:00:00.000Z",
      toInstant: "2026-12-01T00:00:00.000Z",
    });
    expect(periodRange("2027", "Asia/Shanghai")).toMatchObject({
      fromInstant: "2026-12-31T16:00:00.000Z",
      toInstant: "2027-12-31T16:00:00.000Z",
    });
  });

  it("refuses keys that are no period", () => {
    for (const key of [
      "2026-Q5",
      "2026-13",
      "2027-W53",
      "2026-W00",
      "2026-W54",
      "26",
      "2026-11-31",
      "2026-w01",
      "",
    ]) {
      expect(
        code(() => periodRange(key)),
        key,
      ).toBe("KPI_BAD_PERIOD_KEY");
    }
  });
});

describe("periodsBetween", () => {
  it("lists the periods that overlap [from, to)", () => {
    expect(periodsBetween("2026-01-01", "2027-01-01", "month")).toHaveLength(12);
    expect(periodsBetween("2026-01-01", "2027-01-01", "quarter")).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
    expect(periodsBetween("2026-01-01", "2027-01-01", "day")).toHaveLength(365);
    expect(periodsBetween("2028-01-01", "2029-01-01", "day")).toHaveLength(366);
    expect(periodsBetween("2026-01-01", "2027-01-01", "year")).toEqual(["2026"]);
    expect(periodsBetween("2026-01-15", "2026-03-02", "month")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(periodsBetween("2026-11-01", "2026-11-01", "day")).toEqual([]);
  });

  it("weeks: a calendar year touches 53 ISO weeks when it starts mid-week", () => {
    const weeks = periodsBetween("2026-01-01", "2027-01-01", "week");
    expect(weeks).toHaveLength(53);
    expect(weeks[0]).toBe("2026-W01");
    expect(weeks.at(-1)).toBe("2026-W53");
    expect(periodsBetween("2027-01-01", "2028-01-01", "week")).toHaveLength(53);
    expect(periodsBetween("2027-01-01", "2028-01-01", "week")[0]).toBe("2026-W53");
    expect(periodsBetween("2026-12-28", "2027-01-11", "week")).toEqual(["2026-W53", "2027-W01"]);
  });

  it("refuses bad ranges and overlong series", () => {
    expect(code(() => periodsBetween("2026-02-01", "2026-01-01", "day"))).toBe("KPI_BAD_DATE");
    expect(code(() => periodsBetween("2026-02-30", "2026-03-01", "day"))).toBe("KPI_BAD_DATE");
    expect(code(() => periodsBetween("2026-01-01", "2026-13-01", "day"))).toBe("KPI_BAD_DATE");
    expect(periodsBetween("2000-01-01", "2010-01-08", "day")).toHaveLength(MAX_PERIODS);
    expect(code(() => periodsBetween("2000-01-01", "2010-01-09", "day"))).toBe("KPI_TOO_MANY_PERIODS");
  });
});

describe("periodBuckets", () => {
  it("clips the first and last period to the range and adds local instants", () => {
    expect(periodBuckets("2026-01-15", "2026-03-02", "month", "Asia/Shanghai")).toEqual([
      {
        key: "2026-01",
        from: "2026-01-15",
        to: "2026-02-01",
        fromInstant: "2026-01-14T16:00:00.000Z",
        toInstant: "2026-01-31T16:00:00.000Z",
      },
      {
        key: "2026-02",
        from: "2026-02-01",
        to: "2026-03-01",
        fromInstant: "2026-01-31T16:00:00.000Z",
        toInstant: "2026-02-28T16:00:00.000Z",
      },
      {
        key: "2026-03",
        from: "2026-03-01",
        to: "2026-03-02",
        fromInstant: "2026-02-28T16:00:00.000Z",
        toInstant: "2026-03-01T16:00:00.000Z",
      },
    ]);
  });
});
