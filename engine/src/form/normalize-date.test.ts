import { describe, expect, test } from "vitest";
import { isCalendarDate, toUtcInstant } from "./calendar-text.js";
import { field, isAbsent, issuesOf, stored } from "./test-forms.js";

describe("date", () => {
  const day = field("date", "day", { min: "2020-01-01", max: "2030-12-31" });

  test("YYYY-MM-DD naming a real day", () => {
    expect(stored(day, " 2024-02-29 ")).toBe("2024-02-29");
    expect(isAbsent(day, "")).toBe(true);
    for (const bad of [
      "2025-02-29",
      "2024-13-01",
      "2024-00-10",
      "2024-04-31",
      "2024-4-1",
      "20240401",
      "2024-04-01T00:00:00Z",
      "2024/04/01",
      "２０２４-04-01",
    ]) {
      expect(issuesOf(day, bad)).toEqual(["/day format"]);
    }
    expect(issuesOf(day, 20240401)).toEqual(["/day type"]);
  });

  test("min and max", () => {
    expect(issuesOf(day, "2019-12-31")).toEqual(["/day minimum"]);
    expect(issuesOf(day, "2031-01-01")).toEqual(["/day maximum"]);
    expect(stored(day, "2030-12-31")).toBe("2030-12-31");
  });

  test("calendar rules", () => {
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2023-02-28")).toBe(true);
    expect(isCalendarDate("2023-11-31")).toBe(false);
    expect(isCalendarDate("2023-12-31")).toBe(true);
    expect(isCalendarDate("0000-01-01")).toBe(true);
  });
});

describe("datetime", () => {
  const at = field("datetime", "at");

  test("ISO 8601 with an offset, stored as UTC", () => {
    expect(stored(at, "2026-03-01T09:30:00+08:00")).toBe("2026-03-01T01:30:00.000Z");
    expect(stored(at, "2026-03-01T09:30Z")).toBe("2026-03-01T09:30:00.000Z");
    expect(stored(at, "2026-03-01t23:30:00.1234-0230")).toBe("2026-03-02T02:00:00.123Z");
    expect(stored(at, "2026-12-31T23:59:59.999z")).toBe("2026-12-31T23:59:59.999Z");
    expect(isAbsent(at, " ")).toBe(true);
  });

  test("without an offset, or impossible, it is refused", () => {
    for (const bad of [
      "2026-03-01T09:30:00",
      "2026-03-01",
      "2026-02-30T00:00Z",
      "2026-03-01T24:00Z",
      "2026-03-01T10:60Z",
      "2026-03-01T10:00:60Z",
      "2026-03-01T10:00+24:00",
      "2026-03-01T10:00+01:60",
      "yesterday",
    ]) {
      expect(issuesOf(at, bad)).toEqual(["/at format"]);
    }
    expect(issuesOf(at, 1700000000000)).toEqual(["/at type"]);
  });

  test("years before 100 are not shifted to the 1900s", () => {
    expect(toUtcInstant("0050-06-01T00:00:00Z")).toBe("0050-06-01T00:00:00.000Z");
    expect(toUtcInstant("0000-01-01T00:30:00+01:00")).toBe("-000001-12-31T23:30:00.000Z");
  });
});
