import { describe, expect, test } from "vitest";
import type { ValidationIssue } from "../ajv.js";
import { checkTimeZone, cronError, isValidTimeZone } from "./schedule.js";

describe("cronError", () => {
  test.each([
    "* * * * *",
    "0 9 * * MON",
    "0 9 * * mon-fri",
    "30 8 1 * *",
    "*/15 9-18 * * 1-5",
    "0 0 1 JAN,APR,JUL,OCT *",
    "5/10 * * * *",
    "0 12 * * 0",
    "0 12 * * 7",
    "0-59/5 0,12 1-31/2 1-12 SUN-SAT",
    "  0  9  *  *  1  ",
    "0 0 * JAN *",
  ])("accepts %j", (cron) => {
    expect(cronError(cron)).toBeUndefined();
  });

  test.each([
    ["0 9 * *", "a cron expression has 5 fields (minute hour day month weekday), found 4"],
    ["0 9 * * * *", "a cron expression has 5 fields (minute hour day month weekday), found 6"],
    ["60 * * * *", "minute 60 is outside 0-59"],
    ["0 24 * * *", "hour 24 is outside 0-23"],
    ["0 0 0 * *", "day of month 0 is outside 1-31"],
    ["0 0 1 13 *", "month 13 is outside 1-12"],
    ["0 0 * * 8", "weekday 8 is outside 0-7"],
    ["0 0 * * MON-XYZ", '"XYZ" is not a valid weekday'],
    ["0 0 * FEBRUARY *", '"FEBRUARY" is not a valid month'],
    ["0 0 * * MON/0", 'step "0" of the weekday must be 1-7'],
    ["*/x * * * *", 'step "x" of the minute must be 1-59'],
    ["*/1/2 * * * *", '"*/1/2" has more than one step'],
    ["1-2-3 * * * *", '"1-2-3" is not a range'],
    ["30-10 * * * *", 'the minute range "30-10" runs backwards'],
    ["1,,2 * * * *", "an empty item in the minute"],
    ["? * * * *", '"?" is not a valid minute'],
    ["L * * * *", '"L" is not a valid minute'],
  ])("%j: %s", (cron, message) => {
    expect(cronError(cron)).toBe(message);
  });
});

describe("time zones", () => {
  test("IANA names are valid, made-up ones are not", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Asia/Beijing")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  test("checkTimeZone reports invalid ones and ignores absent ones", () => {
    const issues: ValidationIssue[] = [];
    checkTimeZone(undefined, "/a", issues);
    checkTimeZone("Europe/Paris", "/b", issues);
    checkTimeZone("Europe/Lutetia", "/c", issues);
    expect(issues).toEqual([
      {
        path: "/c",
        code: "invalid_time_zone",
        message: '"Europe/Lutetia" is not an IANA time zone',
        params: { timeZone: "Europe/Lutetia" },
      },
    ]);
  });
});
