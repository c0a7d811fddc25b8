import { describe, expect, it } from "vitest";
import { compileExpression } from "./compile-expression.js";
import type { EvalContext } from "./eval-context.js";
import { evaluate } from "./evaluate.js";
import { ExpressionError } from "./expression-error.js";

const NOW = "2026-11-23T20:00:00Z";
const utc: EvalContext = { now: NOW };
const shanghai: EvalContext = { now: NOW, timeZone: "Asia/Shanghai" };
const losAngeles: EvalContext = { now: NOW, timeZone: "America/Los_Angeles" };

const INVALID = [null, "", "garbage", "2026-02-30", 20261123, true, ["2026-11-23"], { d: 1 }];

describe("today", () => {
  it("is ctx.now's date in ctx.timeZone", () => {
    expect(evaluate({ today: [] }, null, utc)).toBe("2026-11-23");
    expect(evaluate({ today: [] }, null, shanghai)).toBe("2026-11-24");
    expect(
      evaluate({ today: [] }, null, { now: "2026-11-23T05:00:00Z", timeZone: "America/Los_Angeles" }),
    ).toBe("2026-11-22");
  });

  it("is null without a usable now or zone", () => {
    expect(evaluate({ today: [] }, null)).toBeNull();
    expect(evaluate({ today: [] }, null, {})).toBeNull();
    expect(evaluate({ today: [] }, null, { now: "yesterday" })).toBeNull();
    expect(evaluate({ today: [] }, null, { now: NOW, timeZone: "Nowhere/City" })).toBeNull();
  });
});

describe("days_since", () => {
  const since = compileExpression({ days_since: [{ var: "d" }] });

  it("counts whole calendar days to today", () => {
    expect(since({ d: "2026-11-20" }, utc)).toBe(3);
    expect(since({ d: "2026-11-23" }, utc)).toBe(0);
    expect(since({ d: "2026-12-01" }, utc)).toBe(-8);
    expect(since({ d: "2025-11-23" }, utc)).toBe(365);
  });

  it("depends on the time zone", () => {
    expect(since({ d: "2026-11-23" }, shanghai)).toBe(1);
    expect(since({ d: "2026-11-23" }, losAngeles)).toBe(0);
    // An instant falls on its local date: 2026-11-23T17:00Z is already the 24th in Shanghai.
    expect(since({ d: "2026-11-23T17:00:00Z" }, shanghai)).toBe(0);
    expect(since({ d: "2026-11-23T17:00:00Z" }, utc)).toBe(0);
    expect(since({ d: "2026-11-22T17:00:00Z" }, shanghai)).toBe(1);
  });

  it("is null for invalid dates or without now", () => {
    for (const d of INVALID) expect(since({ d }, utc)).toBeNull();
    expect(since({ d: "2026-11-20" })).toBeNull();
  });
});

describe("days_between", () => {
  it("counts b − a in whole days", () => {
    expect(evaluate({ days_between: ["2026-01-01", "2026-12-31"] }, null)).toBe(364);
    expect(evaluate({ days_between: ["2024-03-01", "2024-02-01"] }, null)).toBe(-29);
    expect(evaluate({ days_between: ["2026-11-23T23:00:00Z", "2026-11-24T01:00:00Z"] }, null)).toBe(1);
    expect(evaluate({ days_between: ["2026-11-23T23:00:00Z", "2026-11-24T01:00:00Z"] }, null, shanghai)).toBe(
      0,
    );
  });

  it("is null when either date is invalid", () => {
    for (const d of INVALID) {
      expect(evaluate({ days_between: [{ var: "d" }, "2026-01-01"] }, { d })).toBeNull();
      expect(evaluate({ days_between: ["2026-01-01", { var: "d" }] }, { d })).toBeNull();
    }
  });
});

describe("add_days", () => {
  it("adds whole days across month, year and leap boundaries", () => {
    expect(evaluate({ add_days: ["2026-11-23", 30] }, null)).toBe("2026-12-23");
    expect(evaluate({ add_days: ["2026-12-31", 1] }, null)).toBe("2027-01-01");
    expect(evaluate({ add_days: ["2024-02-28", 1] }, null)).toBe("2024-02-29");
    expect(evaluate({ add_days: ["2026-03-01", -1] }, null)).toBe("2026-02-28");
    expect(evaluate({ add_days: ["2026-11-23", "7"] }, null)).toBe("2026-11-30");
    expect(evaluate({ add_days: ["2026-11-23", 1.9] }, null)).toBe("2026-11-24");
    expect(evaluate({ add_days: ["2026-11-23", -1.9] }, null)).toBe("2026-11-22");
    expect(evaluate({ add_days: ["2026-11-23T20:00:00Z", 0] }, null, shanghai)).toBe("2026-11-24");
  });

  it("is null for invalid input or a result outside years 0000–9999", () => {
    for (const d of INVALID) expect(evaluate({ add_days: [{ var: "d" }, 1] }, { d })).toBeNull();
    for (const n of [null, "x", "", true, Number.MAX_VALUE, [1]]) {
      expect(evaluate({ add_days: ["2026-11-23", { var: "" }] }, n)).toBeNull();
    }
    expect(evaluate({ add_days: ["9999-12-31", 1] }, null)).toBeNull();
    expect(evaluate({ add_days: ["0000-01-01", -1] }, null)).toBeNull();
  });
});

describe("year and month", () => {
  it("read the local date", () => {
    expect(evaluate({ year: "2026-11-23" }, null)).toBe(2026);
    expect(evaluate({ month: ["2026-11-23"] }, null)).toBe(11);
    expect(evaluate({ year: "2026-12-31T20:00:00Z" }, null, shanghai)).toBe(2027);
    expect(evaluate({ month: "2026-12-31T20:00:00Z" }, null, shanghai)).toBe(1);
  });

  it("are null for invalid dates", () => {
    for (const d of INVALID) {
      expect(evaluate({ year: [{ var: "" }] }, d)).toBeNull();
      expect(evaluate({ month: [{ var: "" }] }, d)).toBeNull();
    }
  });
});

describe("period", () => {
  it("keys a date by unit", () => {
    const keys = ["day", "week", "month", "quarter", "year"].map((unit) =>
      evaluate({ period: [{ var: "d" }, unit] }, { d: "2026-11-23" }),
    );
    expect(keys).toEqual(["2026-11-23", "2026-W48", "2026-11", "2026-Q4", "2026"]);
  });

  it("uses ISO weeks across year ends", () => {
    expect(evaluate({ period: ["2026-01-01", "week"] }, null)).toBe("2026-W01");
    expect(evaluate({ period: ["2027-01-01", "week"] }, null)).toBe("2026-W53");
    expect(evaluate({ period: ["2027-01-03", "week"] }, null)).toBe("2026-W53");
    expect(evaluate({ period: ["2027-01-04", "week"] }, null)).toBe("2027-W01");
  });

  it("buckets instants in the time zone", () => {
    expect(evaluate({ period: ["2026-12-31T20:00:00Z", "year"] }, null, utc)).toBe("2026");
    expect(evaluate({ period: ["2026-12-31T20:00:00Z", "year"] }, null, shanghai)).toBe("2027");
  });

  it("rejects a literal unknown unit at compile time; a computed one gives null", () => {
    try {
      compileExpression({ period: ["2026-11-23", "fortnight"] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      expect(error).toMatchObject({ code: "EXPR_BAD_ARGUMENTS", path: "/period/1" });
    }
    expect(evaluate({ period: ["2026-11-23", { var: "unit" }] }, { unit: "fortnight" })).toBeNull();
    expect(evaluate({ period: ["2026-11-23", { var: "unit" }] }, { unit: "month" })).toBe("2026-11");
    expect(evaluate({ period: [{ var: "d" }, "day"] }, { d: "nope" })).toBeNull();
  });
});

describe("elapsed_ratio", () => {
  const ratio = compileExpression({ elapsed_ratio: [{ var: "start" }, { var: "end" }] });
  const november = { start: "2026-11-01", end: "2026-11-30" };

  it("is the fraction of the period elapsed at now; a date-only end includes its day", () => {
    // 22 days and 20 hours of 30 days.
    expect(ratio(november, utc)).toBeCloseTo((22 + 20 / 24) / 30, 12);
    expect(ratio(november, { now: "2026-11-01T00:00:00Z" })).toBe(0);
    expect(ratio(november, { now: "2026-11-30T23:59:59Z" })).toBeLessThan(1);
    expect(ratio(november, { now: "2026-12-01T00:00:00Z" })).toBe(1);
  });

  it("is clamped to 0..1", () => {
    expect(ratio(november, { now: "2026-10-01T00:00:00Z" })).toBe(0);
    expect(ratio(november, { now: "2027-01-01T00:00:00Z" })).toBe(1);
  });

  it("reads instants as given and counts in the time zone", () => {
    const day = { start: "2026-11-23T00:00:00Z", end: "2026-11-24T00:00:00Z" };
    expect(ratio(day, { now: "2026-11-23T06:00:00Z" })).toBe(0.25);
    // 20:00Z is 04:00 on the 24th in Shanghai: 4 hours into a period of one local day.
    expect(ratio({ start: "2026-11-24", end: "2026-11-24" }, shanghai)).toBeCloseTo(4 / 24, 12);
  });

  it("is null for invalid bounds, an empty period, or no now", () => {
    for (const d of INVALID) {
      expect(ratio({ start: d, end: "2026-11-30" }, utc)).toBeNull();
      expect(ratio({ start: "2026-11-01", end: d }, utc)).toBeNull();
    }
    expect(ratio({ start: "2026-11-30", end: "2026-11-01" }, utc)).toBeNull();
    expect(ratio({ start: "2026-11-23T10:00:00Z", end: "2026-11-23T10:00:00Z" }, utc)).toBeNull();
    expect(ratio(november)).toBeNull();
    expect(ratio(november, { now: NOW, timeZone: "Nowhere/City" })).toBeNull();
  });
});
