import { describe, expect, it } from "vitest";
import { cronMatchesDay, parseCron } from "./cron.js";
import { RuleError } from "./rule-error.js";

function on(table: readonly boolean[]): number[] {
  return table.flatMap((v, i) => (v ? [i] : []));
}

describe("parseCron", () => {
  it("parses stars, steps, ranges and names", () => {
    const cron = parseCron("*/15 9-17 * * MON-FRI");
    expect(cron.minutes).toEqual([0, 15, 30, 45]);
    expect(cron.hours).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(on(cron.days)).toHaveLength(31);
    expect(on(cron.months)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(on(cron.weekdays)).toEqual([1, 2, 3, 4, 5]);
    expect(cron.dayStar).toBe(true);
    expect(cron.weekdayStar).toBe(false);
    expect(cron.source).toBe("*/15 9-17 * * MON-FRI");
  });

  it("parses lists, stepped ranges, a start with a step, lowercase names and 7 as Sunday", () => {
    const cron = parseCron("  5/20 0,12 1,15,31 jan-mar,Dec 7 ");
    expect(cron.minutes).toEqual([5, 25, 45]);
    expect(cron.hours).toEqual([0, 12]);
    expect(on(cron.days)).toEqual([1, 15, 31]);
    expect(on(cron.months)).toEqual([1, 2, 3, 12]);
    expect(on(cron.weekdays)).toEqual([0]);
    expect(parseCron("10-50/20 * * * sun,SAT").minutes).toEqual([10, 30, 50]);
    expect(on(parseCron("0 0 * * 0-7").weekdays)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it.each([
    ["* * * *", "expected 5 fields"],
    ["* * * * * *", "expected 5 fields"],
    ["", "expected 5 fields"],
    ["60 * * * *", "minute 60 is outside 0-59"],
    ["* 24 * * *", "hour 24"],
    ["* * 0 * *", "day of month 0"],
    ["* * 32 * *", "day of month 32"],
    ["* * * 13 *", "month 13"],
    ["* * * * 8", "day of week 8"],
    ["*/0 * * * *", "bad step"],
    ["*/x * * * *", "bad step"],
    ["1/2/3 * * * *", "more than one step"],
    ["1-2-3 * * * *", "not a range"],
    ["5-1 * * * *", "runs backwards"],
    ["x * * * *", '"x" is not a minute'],
    ["1,,2 * * * *", '"" is not a minute'],
    ["* * * FOO *", '"FOO" is not a month'],
    ["-1 * * * *", '"" is not a minute'],
  ])("refuses %j (%s)", (source, detail) => {
    let caught: unknown;
    try {
      parseCron(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleError);
    expect(caught).toMatchObject({ code: "cron_invalid", params: { cron: source } });
    expect((caught as Error).message).toContain(detail);
  });
});

describe("cronMatchesDay", () => {
  it("ANDs the day fields when one starts with a star", () => {
    const weekdays = parseCron("0 9 * * 1-5");
    expect(cronMatchesDay(weekdays, 3, 2, 1)).toBe(true);
    expect(cronMatchesDay(weekdays, 3, 1, 0)).toBe(false);
    const oddDaysOnMondays = parseCron("0 9 */2 * 1");
    expect(cronMatchesDay(oddDaysOnMondays, 3, 3, 1)).toBe(true);
    expect(cronMatchesDay(oddDaysOnMondays, 3, 2, 1)).toBe(false);
  });

  it("ORs the day fields when both are restricted", () => {
    const cron = parseCron("0 0 13 * FRI");
    expect(cronMatchesDay(cron, 2, 13, 5)).toBe(true);
    expect(cronMatchesDay(cron, 3, 13, 2)).toBe(true);
    expect(cronMatchesDay(cron, 3, 6, 5)).toBe(true);
    expect(cronMatchesDay(cron, 3, 7, 6)).toBe(false);
  });

  it("checks the month", () => {
    expect(cronMatchesDay(parseCron("0 0 1 JAN *"), 2, 1, 0)).toBe(false);
  });
});
