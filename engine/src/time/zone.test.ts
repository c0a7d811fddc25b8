import { describe, expect, it } from "vitest";
import { DAY_MS, daysFromCivil } from "./civil-date.js";
import { isValidTimeZone, knownZone, zoneOf, type Zone } from "./zone.js";

const HOUR_MS = 3_600_000;
const zone = (timeZone: string): Zone => knownZone(timeZone);
const at = (instant: string): number => Date.parse(instant);
const wallOf = (date: string, hour: number): number => {
  const [year = 0, month = 0, day = 0] = date.split("-").map(Number);
  return daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS;
};
const iso = (epochMs: number): string => new Date(epochMs).toISOString();

describe("zoneOf", () => {
  it("knows IANA zones and refuses others", () => {
    expect(zoneOf("Asia/Shanghai")?.timeZone).toBe("Asia/Shanghai");
    expect(zoneOf("Asia/Shanghai")).toBe(zoneOf("Asia/Shanghai"));
    expect(zoneOf("Mars/Olympus_Mons")).toBeNull();
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("throws Intl's RangeError for an unknown zone the caller assumed valid", () => {
    expect(() => knownZone("Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => knownZone("Mars/Olympus_Mons")).toThrow("Invalid time zone specified: Mars/Olympus_Mons");
  });
});

describe("wall time and offsets", () => {
  it("reads offsets of a zone", () => {
    const clock = zone("America/New_York");
    expect(clock.offsetAt(at("2026-01-15T12:00:00Z"))).toBe(-5 * HOUR_MS);
    expect(clock.offsetAt(at("2026-07-15T12:00:00Z"))).toBe(-4 * HOUR_MS);
    expect(iso(clock.wallAt(at("2026-07-15T12:00:00Z")))).toBe("2026-07-15T08:00:00.000Z");
    expect(zone("Asia/Shanghai").offsetAt(0)).toBe(8 * HOUR_MS);
    expect(zone("UTC").offsetAt(at("2026-07-15T12:00:00.250Z"))).toBe(0);
  });

  it("keeps milliseconds, so offsets are whole seconds", () => {
    const clock = zone("Asia/Kolkata");
    expect(clock.wallAt(at("2026-01-01T00:00:00.999Z"))).toBe(wallOf("2026-01-01", 5.5) + 999);
    expect(clock.offsetAt(at("2026-01-01T00:00:00.999Z"))).toBe(5.5 * HOUR_MS);
    expect(clock.offsetAt(-1)).toBe(5.5 * HOUR_MS);
  });

  it("reads years 0–99 and before the common era", () => {
    expect(zone("Etc/GMT-9").wallAt(daysFromCivil(50, 6, 1) * DAY_MS)).toBe(
      daysFromCivil(50, 6, 1) * DAY_MS + 9 * HOUR_MS,
    );
    const bc = daysFromCivil(-5, 1, 1) * DAY_MS;
    expect(zone("Etc/GMT-3").wallAt(bc)).toBe(bc + 3 * HOUR_MS);
  });
});

describe("instantOf", () => {
  it("is the wall time less the offset where no transition is near", () => {
    expect(iso(zone("Asia/Shanghai").instantOf(wallOf("2026-11-01", 0)))).toBe("2026-10-31T16:00:00.000Z");
    expect(iso(zone("UTC").instantOf(wallOf("2026-11-01", 9)))).toBe("2026-11-01T09:00:00.000Z");
  });

  it("moves a time skipped by spring forward later by the gap", () => {
    const clock = zone("America/New_York");
    expect(iso(clock.instantOf(wallOf("2026-03-08", 2.5)))).toBe("2026-03-08T07:30:00.000Z");
    expect(iso(clock.instantOf(wallOf("2026-03-08", 3.5)))).toBe("2026-03-08T07:30:00.000Z");
    expect(iso(clock.instantOf(wallOf("2026-03-08", 1.5)))).toBe("2026-03-08T06:30:00.000Z");
  });

  it("takes the first occurrence of a time repeated by fall back", () => {
    const clock = zone("America/New_York");
    expect(iso(clock.instantOf(wallOf("2026-11-01", 1.5)))).toBe("2026-11-01T05:30:00.000Z");
    expect(iso(clock.instantOf(wallOf("2026-11-01", 2.5)))).toBe("2026-11-01T07:30:00.000Z");
    // Amman fell back from 01:00 to 00:00: its day began at the first midnight, at +03.
    expect(iso(zone("Asia/Amman").instantOf(wallOf("2016-10-28", 0)))).toBe("2016-10-27T21:00:00.000Z");
  });

  it("uses the offsets it is given", () => {
    const clock = zone("America/New_York");
    const wall = wallOf("2026-03-08", 9);
    const before = clock.offsetAt(wallOf("2026-03-07", 0));
    const after = clock.offsetAt(wallOf("2026-03-10", 0));
    expect(iso(clock.instantOf(wall, before, after))).toBe("2026-03-08T13:00:00.000Z");
    expect(iso(clock.instantOf(wall, -5 * HOUR_MS, -5 * HOUR_MS))).toBe("2026-03-08T14:00:00.000Z");
  });
});
