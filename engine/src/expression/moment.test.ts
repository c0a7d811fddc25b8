import { describe, expect, it } from "vitest";
import { DAY_MS, daysFromCivil } from "../time/civil-date.js";
import { isValidTimeZone, zoneOf } from "../time/zone.js";
import { localDay, parseMoment } from "./moment.js";

const day = (text: string): number => {
  const days = localDay(text, "UTC");
  if (days === null) throw new Error(`bad test date ${text}`);
  return days;
};

const wallTimeAt = (epochMs: number, timeZone: string): number | null =>
  zoneOf(timeZone)?.wallAt(epochMs) ?? null;

describe("parseMoment", () => {
  it("reads dates as date-only midnight", () => {
    expect(parseMoment("2026-11-23", "Asia/Shanghai")).toEqual({
      wall: day("2026-11-23") * DAY_MS,
      dateOnly: true,
    });
    expect(parseMoment("2024-02-29", "UTC")?.dateOnly).toBe(true);
    expect(parseMoment("2000-02-29", "UTC")?.dateOnly).toBe(true);
  });

  it.each([
    "2026-02-29",
    "1900-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-11-23T24:00:00Z",
    "2026-11-23T10:60Z",
    "2026-11-23T10:00:60Z",
    "2026-11-23T10:00:00+24:00",
    "2026-11-23T10:00:00+05:60",
    "26-11-23",
    "2026-11-23T10",
    "2026-11-23Z",
    "2026-11-23T10:00:00.123456789012Z",
    " 2026-11-23",
    "",
  ])("rejects %j", (text) => {
    expect(parseMoment(text, "UTC")).toBeNull();
  });

  it("rejects non-strings and over-long strings", () => {
    for (const value of [
      null,
      undefined,
      20261123,
      new Date(0),
      ["2026-11-23"],
      `2026-11-23${" ".repeat(50)}`,
    ]) {
      expect(parseMoment(value, "UTC")).toBeNull();
    }
  });

  it("reads instants with Z or an offset, and fractional seconds", () => {
    const base = day("2026-11-23") * DAY_MS;
    expect(parseMoment("2026-11-23T10:00:00Z", "UTC")).toEqual({
      wall: base + 10 * 3_600_000,
      dateOnly: false,
    });
    expect(parseMoment("2026-11-23t10:00z", "UTC")?.wall).toBe(base + 10 * 3_600_000);
    expect(parseMoment("2026-11-23 10:00:00.5Z", "UTC")?.wall).toBe(base + 10 * 3_600_000 + 500);
    expect(parseMoment("2026-11-23T10:00:00.123456Z", "UTC")?.wall).toBe(base + 10 * 3_600_000 + 123);
    expect(parseMoment("2026-11-23T10:00:00+08:00", "UTC")?.wall).toBe(base + 2 * 3_600_000);
    expect(parseMoment("2026-11-23T10:00:00+0800", "UTC")?.wall).toBe(base + 2 * 3_600_000);
    expect(parseMoment("2026-11-23T10:00:00-03", "UTC")?.wall).toBe(base + 13 * 3_600_000);
  });

  it("takes a date-time without offset as local wall time", () => {
    const base = day("2026-11-23") * DAY_MS;
    expect(parseMoment("2026-11-23T23:30", "Asia/Shanghai")).toEqual({
      wall: base + 23.5 * 3_600_000,
      dateOnly: false,
    });
  });

  it("converts instants to the wall time of the zone", () => {
    expect(localDay("2026-11-23T20:00:00Z", "Asia/Shanghai")).toBe(day("2026-11-24"));
    expect(localDay("2026-11-23T03:00:00Z", "America/Los_Angeles")).toBe(day("2026-11-22"));
    expect(localDay("2026-11-23T03:00:00Z", "UTC")).toBe(day("2026-11-23"));
    // Daylight saving time: New York is UTC-4 in July, UTC-5 in January.
    expect(parseMoment("2026-07-01T12:00:00Z", "America/New_York")?.wall).toBe(
      day("2026-07-01") * DAY_MS + 8 * 3_600_000,
    );
    expect(parseMoment("2026-01-01T12:00:00Z", "America/New_York")?.wall).toBe(
      day("2026-01-01") * DAY_MS + 7 * 3_600_000,
    );
    expect(parseMoment("2026-01-01T12:00:00.250Z", "Asia/Kolkata")?.wall).toBe(
      day("2026-01-01") * DAY_MS + 17.5 * 3_600_000 + 250,
    );
  });

  it("handles instants before the common era", () => {
    expect(localDay("0000-01-01T02:00:00Z", "America/New_York")).toBe(daysFromCivil(-1, 12, 31));
    const endOfIsoYearMinusOne = daysFromCivil(0, 1, 1) * DAY_MS - 1;
    expect(new Date(endOfIsoYearMinusOne).toISOString()).toBe("-000001-12-31T23:59:59.999Z");
    expect(wallTimeAt(endOfIsoYearMinusOne, "Etc/GMT+5")).toBe(endOfIsoYearMinusOne - 5 * 3_600_000);
  });

  it("gives null for an unknown time zone, except where no zone is needed", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(parseMoment("2026-11-23T10:00:00Z", "Mars/Olympus_Mons")).toBeNull();
    expect(parseMoment("2026-11-23", "Mars/Olympus_Mons")?.dateOnly).toBe(true);
  });

  it("keeps working once the zone cache is full", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    const spellings = zones.flatMap((zone) => [zone, zone.toLowerCase(), zone.toUpperCase()]);
    expect(spellings.length).toBeGreaterThan(512);
    expect(spellings.every(isValidTimeZone)).toBe(true);
    expect(localDay("2026-11-23T20:00:00Z", "asia/shanghai")).toBe(day("2026-11-24"));
  });

  it("stays correct when many distinct instants pass through the zone cache", () => {
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i <= 5000; i++) wallTimeAt(start + i * 60_000, "Asia/Tokyo");
    expect(wallTimeAt(start, "Asia/Tokyo")).toBe(start + 9 * 3_600_000);
    expect(wallTimeAt(start + 5000 * 60_000, "Asia/Tokyo")).toBe(start + 5000 * 60_000 + 9 * 3_600_000);
  });
});
