import type { Goal } from "@stagecraft/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { goalBetween, goalFor } from "./goal.js";
import { KpiError } from "./kpi-error.js";
import { periodsBetween } from "./periods.js";
import { memberShare, splitAmounts, splitGoalBetween, type SplitGoal } from "./split-goal.js";

const M = 1_000_000;
const month = (key: string) => ({ unit: "month" as const, key });
const quarter = (key: string) => ({ unit: "quarter" as const, key });
const year = (key: string) => ({ unit: "year" as const, key });
const week = (key: string) => ({ unit: "week" as const, key });
const day = (key: string) => ({ unit: "day" as const, key });

describe("fixed goals", () => {
  const perMonth: Goal = { type: "fixed", value: 10, per: "month" };

  it("without `per`: the value for any period and any group", () => {
    const goal: Goal = { type: "fixed", value: 1 };
    expect(goalFor(goal, month("2026-11"))).toBe(1);
    expect(goalFor(goal, year("2026"), "u1")).toBe(1);
    expect(goalBetween(goal, "2026-01-01", "2030-01-01")).toBe(1);
  });

  it("per month: scaled by whole months, prorated by days below a month", () => {
    expect(goalFor(perMonth, month("2026-11"))).toBe(10);
    expect(goalFor(perMonth, quarter("2026-Q4"))).toBe(30);
    expect(goalFor(perMonth, year("2026"))).toBeCloseTo(120, 9);
    expect(goalFor(perMonth, week("2026-W48"))).toBeCloseTo((10 * 7) / 30, 9);
    // 2026-W05 runs Jan 26 – Feb 1: six days of January, one of February.
    expect(goalFor(perMonth, week("2026-W05"))).toBeCloseTo((10 * 6) / 31 + 10 / 28, 9);
    expect(goalFor(perMonth, day("2026-02-10"))).toBeCloseTo(10 / 28, 9);
    expect(goalBetween(perMonth, "2026-01-16", "2026-03-01")).toBeCloseTo(10 * (16 / 31) + 10, 9);
    expect(goalBetween(perMonth, "2026-03-01", "2026-03-01")).toBe(0);
  });

  it("per quarter and per year: a month is a third of a quarter, a twelfth of a year", () => {
    expect(goalFor({ type: "fixed", value: 30, per: "quarter" }, month("2026-11"))).toBeCloseTo(10, 9);
    expect(goalFor({ type: "fixed", value: 30, per: "quarter" }, year("2026"))).toBeCloseTo(120, 9);
    expect(goalFor({ type: "fixed", value: 120, per: "year" }, quarter("2026-Q2"))).toBeCloseTo(30, 9);
    expect(goalFor({ type: "fixed", value: 120, per: "year" }, month("2026-02"))).toBeCloseTo(10, 9);
    expect(goalFor({ type: "fixed", value: 120, per: "year" }, day("2026-02-01"))).toBeCloseTo(10 / 28, 9);
  });

  it("per week and per day", () => {
    expect(goalFor({ type: "fixed", value: 7, per: "week" }, month("2026-11"))).toBeCloseTo(30, 9);
    expect(goalFor({ type: "fixed", value: 7, per: "week" }, week("2026-W48"))).toBe(7);
    expect(goalFor({ type: "fixed", value: 2, per: "day" }, year("2028"))).toBe(732);
  });

  it("records goals are read from goal rows, not here", () => {
    const goal: Goal = { type: "records", form: "g", field: "amount", from: "start" };
    expect(goalFor(goal, month("2026-11"))).toBeNull();
  });

  it("refuses a key of another unit", () => {
    expect(() => goalFor(perMonth, month("2026-Q4"))).toThrow(KpiError);
    expect(() => goalFor(perMonth, day("2026-11"))).toThrow(/KPI_BAD_PERIOD_KEY/);
  });
});

describe("split goals: the TEMPLATES.md A.4 fixture", () => {
  it("weights: ¥100 M a year, Q1 20 %, months even within their quarter", () => {
    const goal: Goal = {
      type: "split",
      year: 2026,
      total: 100 * M,
      mode: "weights",
      quarters: [20, 25, 25, 30],
    };
    expect(goalFor(goal, year("2026"))).toBe(100 * M);
    expect(goalFor(goal, quarter("2026-Q1"))).toBeCloseTo(20 * M, 6);
    expect(goalFor(goal, quarter("2026-Q4"))).toBeCloseTo(30 * M, 6);
    expect(goalFor(goal, month("2026-01"))).toBeCloseTo((20 * M) / 3, 6);
    expect(goalFor(goal, month("2026-12"))).toBeCloseTo(10 * M, 6);
  });

  it("amounts: what the admin typed, even where it does not add up (¥15 M a month, Q1 ¥20 M)", () => {
    const goal: Goal = {
      type: "split",
      year: 2026,
      total: 100 * M,
      mode: "amounts",
      quarters: [20 * M, 25 * M, 25 * M, 30 * M],
      months: Array.from({ length: 12 }, () => 15 * M),
    };
    expect(goalFor(goal, year("2026"))).toBe(100 * M);
    expect(goalFor(goal, quarter("2026-Q1"))).toBe(20 * M);
    expect(goalFor(goal, month("2026-01"))).toBe(15 * M);
    const q1Months = ["2026-01", "2026-02", "2026-03"].map((key) => goalFor(goal, month(key)) ?? 0);
    expect(q1Months.reduce((a, b) => a + b)).toBe(45 * M);
    const allMonths = periodsBetween("2026-01-01", "2027-01-01", "month").map(
      (key) => goalFor(goal, month(key)) ?? 0,
    );
    expect(allMonths.reduce((a, b) => a + b)).toBe(180 * M);
  });

  it("customers: 500 a year, Q1 100, 20 a month", () => {
    const goal: Goal = {
      type: "split",
      year: 2026,
      total: 500,
      mode: "amounts",
      quarters: [100, 130, 130, 140],
      months: Array.from({ length: 12 }, () => 20),
    };
    expect(goalFor(goal, year("2026"))).toBe(500);
    expect(goalFor(goal, quarter("2026-Q1"))).toBe(100);
    expect(goalFor(goal, month("2026-06"))).toBe(20);
  });
});

describe("split goals", () => {
  const even: SplitGoal = { type: "split", year: 2026, total: 1200, mode: "weights" };

  it("absent quarters and months split evenly", () => {
    expect(splitAmounts(even)).toEqual({
      quarters: [300, 300, 300, 300],
      months: Array.from({ length: 12 }, () => 100),
    });
    expect(splitAmounts({ ...even, mode: "amounts" }).months[5]).toBe(100);
  });

  it("month weights without quarters share the year total; quarters are their sums", () => {
    const goal: SplitGoal = { ...even, months: [1, 1, 1, 2, 2, 2, 3, 3, 3, 0, 0, 0] };
    const { quarters, months } = splitAmounts(goal);
    expect(months[0]).toBeCloseTo(1200 / 18, 9);
    for (const [i, q] of [200, 400, 600, 0].entries()) expect(quarters[i]).toBeCloseTo(q, 9);
    expect(goalFor(goal, month("2026-12"))).toBe(0);
  });

  it("month amounts without quarters: quarters are their sums", () => {
    const goal: SplitGoal = { ...even, mode: "amounts", months: [10, 20, 30, 0, 0, 0, 0, 0, 0, 0, 0, 5] };
    expect(splitAmounts(goal).quarters).toEqual([60, 0, 0, 5]);
    expect(goalFor(goal, quarter("2026-Q1"))).toBe(60);
  });

  it("month weights within weighted quarters; all-zero weights split evenly", () => {
    const goal: SplitGoal = { ...even, quarters: [1, 1, 1, 1], months: [1, 2, 3, 0, 0, 0, 1, 1, 2, 5, 5, 0] };
    const { months } = splitAmounts(goal);
    expect(months.slice(0, 3)).toEqual([50, 100, 150]);
    expect(months.slice(3, 6)).toEqual([100, 100, 100]);
    expect(months.slice(6, 9)).toEqual([75, 75, 150]);
    expect(months.slice(9)).toEqual([150, 150, 0]);
    expect(splitAmounts({ ...even, quarters: [0, 0, 0, 0] }).quarters).toEqual([300, 300, 300, 300]);
  });

  it("weeks and days get their months' goals prorated by days", () => {
    expect(goalFor(even, week("2026-W48"))).toBeCloseTo((100 * 7) / 30, 9);
    expect(goalFor(even, day("2026-11-23"))).toBeCloseTo(100 / 30, 9);
    // 2026-W53 runs Dec 28 – Jan 3: only its four December days belong to the 2026 goal.
    expect(goalFor(even, week("2026-W53"))).toBeCloseTo((100 * 4) / 31, 9);
    expect(goalFor(even, week("2026-W01"))).toBeCloseTo((100 * 4) / 31, 9);
  });

  it("other years have no goal", () => {
    expect(goalFor(even, year("2027"))).toBeNull();
    expect(goalFor(even, month("2025-12"))).toBeNull();
    expect(goalFor(even, month("2027-01"), "u1")).toBeNull();
    expect(splitGoalBetween(even, "2025-01-01", "2028-01-01")).toBe(1200);
  });

  it("ranges: whole quarters take the quarter amount, part months are prorated", () => {
    const goal: SplitGoal = {
      ...even,
      mode: "amounts",
      quarters: [1000, 0, 0, 0],
      months: Array.from({ length: 12 }, () => 10),
    };
    expect(splitGoalBetween(goal, "2026-01-01", "2026-04-01")).toBe(1000);
    expect(splitGoalBetween(goal, "2026-01-01", "2026-07-01")).toBe(1000);
    expect(splitGoalBetween(goal, "2026-02-15", "2026-04-01")).toBeCloseTo(10 * (14 / 28) + 10, 9);
  });

  it("members: weights normalized, amounts as their share of the sum, unknown keys null", () => {
    const weights: SplitGoal = {
      ...even,
      members: [
        { key: "ann", value: 3 },
        { key: "bo", value: 1 },
      ],
    };
    expect(goalFor(weights, month("2026-11"), "ann")).toBeCloseTo(75, 9);
    expect(goalFor(weights, month("2026-11"), "bo")).toBeCloseTo(25, 9);
    expect(goalFor(weights, year("2026"), "ann")).toBeCloseTo(900, 9);
    expect(goalFor(weights, month("2026-11"), "cy")).toBeNull();
    expect(goalFor(even, month("2026-11"), "ann")).toBeNull();
    const amounts: SplitGoal = {
      ...even,
      mode: "amounts",
      members: [
        { key: "ann", value: 6 * M },
        { key: "bo", value: 2 * M },
      ],
    };
    expect(goalFor(amounts, quarter("2026-Q2"), "bo")).toBeCloseTo(75, 9);
    expect(
      memberShare(
        {
          ...even,
          members: [
            { key: "a", value: 0 },
            { key: "b", value: 0 },
          ],
        },
        "a",
      ),
    ).toBe(0.5);
    expect(
      memberShare(
        {
          ...even,
          members: [
            { key: "a", value: 1 },
            { key: "a", value: 1 },
            { key: "b", value: 2 },
          ],
        },
        "a",
      ),
    ).toBe(0.5);
  });
});

describe("split goals in weights mode (property)", () => {
  const weights = (n: number) =>
    fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: n, maxLength: n });
  const goals = fc.record(
    {
      type: fc.constant("split" as const),
      year: fc.integer({ min: 1990, max: 2100 }),
      total: fc.double({ min: 0, max: 1e8, noNaN: true }),
      mode: fc.constant("weights" as const),
      quarters: weights(4),
      months: weights(12),
      members: fc.uniqueArray(
        fc.record({
          key: fc.string({ minLength: 1, maxLength: 8 }),
          value: fc.double({ min: 0, max: 1e6, noNaN: true }),
        }),
        {
          minLength: 1,
          maxLength: 20,
          selector: (m) => m.key,
        },
      ),
    },
    { requiredKeys: ["type", "year", "total", "mode", "members"] },
  );

  it("regression: a subnormal month weight does not lose its quarter's amount (seed -947312163)", () => {
    const goal: SplitGoal = {
      type: "split",
      year: 1990,
      total: 0.0000010000000000000002,
      mode: "weights",
      quarters: [999.9999999999974, 0, 0, 0],
      months: [0, 0, 5e-324, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    };
    expect(goalFor(goal, month("1990-03"))).toBe(goal.total);
  });

  it("the 12 month goals add up to the year total, members' goals to their period's goal", () => {
    fc.assert(
      fc.property(goals, (goal) => {
        const months = periodsBetween(`${goal.year}-01-01`, `${goal.year + 1}-01-01`, "month");
        const monthGoals = months.map((key) => goalFor(goal, month(key)) ?? Number.NaN);
        expect(Math.abs(monthGoals.reduce((a, b) => a + b, 0) - goal.total)).toBeLessThanOrEqual(1e-6);
        for (const key of [months[0] ?? "", `${goal.year}-Q3`, `${goal.year}`]) {
          const unit = key.length === 4 ? "year" : key.includes("Q") ? "quarter" : "month";
          const periodGoal = goalFor(goal, { unit, key }) ?? Number.NaN;
          const memberGoals = goal.members.map((m) => goalFor(goal, { unit, key }, m.key) ?? Number.NaN);
          expect(Math.abs(memberGoals.reduce((a, b) => a + b, 0) - periodGoal)).toBeLessThanOrEqual(1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });
});
