import { describe, expect, test } from "vitest";
import type { Goal } from "../kpi.js";
import { salesAppFixture } from "../test-fixtures.js";
import { changed, kpiOf, kpiPath, problems } from "../test-helpers.js";
import { checkGoalSplits } from "./goal-splits.js";

type Split = Extract<Goal, { type: "split" }>;

function split(goal: Goal | undefined): Split {
  if (goal?.type !== "split") throw new Error("fixture changed");
  return goal;
}

describe("checkGoalSplits", () => {
  test("the fixture's split goals add up", () => {
    expect(checkGoalSplits(salesAppFixture())).toEqual([]);
  });

  test("quarters must add up to the total", () => {
    const app = changed((a) => {
      split(kpiOf(a, "won_revenue").goal).total = 12_100_000;
    });
    const goal = `${kpiPath(app, "won_revenue")}/goal`;
    expect(problems(app)).toEqual([
      `goal_split_mismatch ${goal}/quarters`,
      `goal_split_mismatch ${goal}/members`,
    ]);
    expect(checkGoalSplits(app)[0]).toEqual({
      path: `${goal}/quarters`,
      code: "goal_split_mismatch",
      message: "the quarters add up to 12000000, but the total is 12100000 (difference -100000)",
      params: { parent: `${goal}/total`, expected: 12_100_000, actual: 12_000_000, difference: -100_000 },
    });
  });

  test("each quarter's three months add up to it", () => {
    const app = changed((a) => {
      const goal = split(kpiOf(a, "won_revenue").goal);
      goal.months![4] = 1_000_100;
    });
    const goal = `${kpiPath(app, "won_revenue")}/goal`;
    expect(problems(app)).toEqual([`goal_split_mismatch ${goal}/months`]);
    expect(checkGoalSplits(app)[0]?.message).toBe(
      "months 4-6 add up to 3000100, but quarter 2 is 3000000 (difference 100)",
    );
    expect(checkGoalSplits(app)[0]?.params?.["parent"]).toBe(`${goal}/quarters/1`);
  });

  test("months without quarters add up to the total; members too", () => {
    const app = changed((a) => {
      const goal = split(kpiOf(a, "won_revenue").goal);
      delete goal.quarters;
      goal.months![0] = 0.1;
      goal.members![0]!.value = 5_000_000.004;
    });
    const goal = `${kpiPath(app, "won_revenue")}/goal`;
    expect(problems(app)).toEqual([`goal_split_mismatch ${goal}/months`]);
    expect(checkGoalSplits(app)[0]?.params?.["difference"]).toBe(-699_999.9);
  });

  test("a rounding difference within half a cent is not a mismatch", () => {
    const app = changed((a) => {
      kpiOf(a, "won_revenue").goal = {
        type: "split",
        year: 2025,
        total: 0.3,
        mode: "amounts",
        months: [0.1, 0.2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      };
    });
    expect(problems(app)).toEqual([]);
  });

  test("weights need not add up to anything", () => {
    const app = changed((a) => {
      split(kpiOf(a, "avg_deal_size").goal).quarters = [1, 2, 3, 4];
    });
    expect(problems(app)).toEqual([]);
  });
});
