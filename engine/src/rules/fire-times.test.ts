import { describe, expect, it } from "vitest";
import { parseCron } from "./cron.js";
import { nextFireTimes } from "./fire-times.js";

describe("nextFireTimes", () => {
  it("lists Monday 09:00 UTC in March 2026", () => {
    expect(nextFireTimes("0 9 * * MON", "UTC", "2026-03-01T00:00:00Z", "2026-03-31T23:59:00Z")).toEqual([
      "2026-03-02T09:00:00.000Z",
      "2026-03-09T09:00:00.000Z",
      "2026-03-16T09:00:00.000Z",
      "2026-03-23T09:00:00.000Z",
      "2026-03-30T09:00:00.000Z",
    ]);
  });

  it("excludes `after` and includes `until`", () => {
    const times = nextFireTimes("0 9 * * *", "UTC", "2026-03-02T09:00:00Z", "2026-03-03T09:00:00Z");
    expect(times).toEqual(["2026-03-03T09:00:00.000Z"]);
    expect(nextFireTimes("0 9 * * *", "UTC", "2026-03-03T09:00:00Z", "2026-03-03T09:00:00Z")).toEqual([]);
    expect(nextFireTimes("0 9 * * *", "UTC", "2026-03-04T00:00:00Z", "2026-03-03T00:00:00Z")).toEqual([]);
  });

  it("fires on wall-clock time in Asia/Shanghai (UTC+8), across the UTC date line", () => {
    expect(
      nextFireTimes("0 9 * * *", "Asia/Shanghai", "2026-03-01T00:00:00Z", "2026-03-03T00:00:00Z"),
    ).toEqual(["2026-03-01T01:00:00.000Z", "2026-03-02T01:00:00.000Z"]);
    expect(
      nextFireTimes("30 23 * * SUN", "Asia/Shanghai", "2026-03-01T00:00:00Z", "2026-03-10T00:00:00Z"),
    ).toEqual(["2026-03-01T15:30:00.000Z", "2026-03-08T15:30:00.000Z"]);
  });

  it("keeps 09:00 local across the America/New_York spring-forward", () => {
    expect(
      nextFireTimes("0 9 * * *", "America/New_York", "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z"),
    ).toEqual(["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z"]);
  });

  it("moves a time skipped by spring-forward later by the gap, once", () => {
    expect(
      nextFireTimes("30 2 * * *", "America/New_York", "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z"),
    ).toEqual(["2026-03-07T07:30:00.000Z", "2026-03-08T07:30:00.000Z", "2026-03-09T06:30:00.000Z"]);
    // 02:00 and 02:30 do not exist that day: they land on 03:00 and 03:30, which also match.
    expect(
      nextFireTimes("0,30 2,3 8 3 *", "America/New_York", "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z"),
    ).toEqual(["2026-03-08T07:00:00.000Z", "2026-03-08T07:30:00.000Z"]);
  });

  it("fires a time repeated by fall-back once, at its first occurrence", () => {
    expect(
      nextFireTimes("30 1 * * *", "America/New_York", "2026-10-31T00:00:00Z", "2026-11-03T00:00:00Z"),
    ).toEqual(["2026-10-31T05:30:00.000Z", "2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"]);
    const hourly = nextFireTimes(
      "0 * 1 11 *",
      "America/New_York",
      "2026-11-01T00:00:00Z",
      "2026-11-03T00:00:00Z",
    );
    expect(hourly).toHaveLength(24);
    expect(hourly.slice(0, 4)).toEqual([
      "2026-11-01T04:00:00.000Z",
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T08:00:00.000Z",
    ]);
  });

  it("handles Asia/Shanghai's historical daylight saving time (1988) the same way", () => {
    const spring = nextFireTimes(
      "30 2 * * *",
      "Asia/Shanghai",
      "1988-04-15T00:00:00Z",
      "1988-04-18T00:00:00Z",
    );
    expect(spring).toEqual([
      "1988-04-15T18:30:00.000Z",
      "1988-04-16T18:30:00.000Z",
      "1988-04-17T17:30:00.000Z",
    ]);
    const autumn = nextFireTimes(
      "30 1 * * *",
      "Asia/Shanghai",
      "1988-09-09T00:00:00Z",
      "1988-09-12T00:00:00Z",
    );
    expect(autumn).toEqual([
      "1988-09-09T16:30:00.000Z",
      "1988-09-10T16:30:00.000Z",
      "1988-09-11T17:30:00.000Z",
    ]);
  });

  it("stops at max", () => {
    const times = nextFireTimes("* * * * *", "UTC", "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", 10);
    expect(times).toHaveLength(10);
    expect(times[9]).toBe("2026-03-01T00:10:00.000Z");
    expect(nextFireTimes("* * * * *", "UTC", "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", 0)).toEqual([]);
    expect(nextFireTimes("* * * * *", "UTC", "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z")).toHaveLength(
      1000,
    );
  });

  // How fast a year is covered is a benchmark (`pnpm bench`, BENCHMARKS.md).
  it("accepts a parsed cron and covers a year", () => {
    const cron = parseCron("0 9 * * 1");
    const times = nextFireTimes(cron, "America/New_York", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    expect(times).toHaveLength(52);
    expect(times.every((t) => new Date(t).getUTCDay() === 1)).toBe(true);
    const everyMinute = nextFireTimes(
      "*/5 * * * *",
      "Asia/Shanghai",
      "2026-01-01T00:00:00Z",
      "2027-01-01T00:00:00Z",
      200_000,
    );
    expect(everyMinute).toHaveLength(365 * 24 * 12);
  });

  it("fires on the 29th of February only in leap years", () => {
    const times = nextFireTimes("0 0 29 2 *", "UTC", "2026-01-01T00:00:00Z", "2029-01-01T00:00:00Z");
    expect(times).toEqual(["2028-02-29T00:00:00.000Z"]);
  });

  it("refuses unknown zones and bad instants with codes", () => {
    expect(() =>
      nextFireTimes("0 9 * * *", "Mars/Olympus", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"),
    ).toThrow(expect.objectContaining({ code: "time_zone_invalid" }));
    expect(() => nextFireTimes("0 9 * * *", "UTC", "yesterday", "2026-01-02T00:00:00Z")).toThrow(
      expect.objectContaining({ code: "instant_invalid", params: { instant: "yesterday" } }),
    );
  });
});
