/**
 * Goals of a period, a date range and a group. `fixed` and `split` goals are computed here;
 * `records` goals live in goal rows and reach assembleKpiResult as the spec's "goal" part.
 */
import type { Goal, PeriodUnit } from "@stagecraft/schemas";
import { daysBetween, maxDate, minDate } from "./calendar-date.js";
import { KpiError } from "./kpi-error.js";
import { parsePeriodKey, periodsBetween } from "./periods.js";
import { memberShare, splitGoalBetween } from "./split-goal.js";

/** Days of [from, to) ∩ [a, b), 0 when they do not overlap. */
function overlapDays(from: string, to: string, a: string, b: string): number {
  return Math.max(0, daysBetween(maxDate(from, a), minDate(to, b)));
}

/**
 * How much of the period `key` the range [from, to) covers, from 0 to 1. Quarters and years count
 * in months (a month is a third of a quarter), a part of a month or a week by days.
 */
function coveredShare(key: string, from: string, to: string): number {
  const period = parsePeriodKey(key);
  if (period.unit !== "quarter" && period.unit !== "year") {
    return overlapDays(from, to, period.from, period.to) / daysBetween(period.from, period.to);
  }
  const months = periodsBetween(period.from, period.to, "month");
  return months.reduce((share, month) => share + coveredShare(month, from, to) / months.length, 0);
}

/** How many `per` periods the range [from, to) spans, counting partial ones by their covered share. */
function periodsSpanned(from: string, to: string, per: PeriodUnit): number {
  return periodsBetween(from, to, per).reduce((n, key) => n + coveredShare(key, from, to), 0);
}

/**
 * The goal for the date range [from, to) (`to` exclusive), for the whole or for one group.
 * fixed: without `per` the value for any range; with `per` scaled by the periods spanned (10 per
 * month over a quarter = 30). A fixed goal is the same for every group. split: see splitGoalBetween,
 * times the member's share for a group (null for a key that is not a member). records: null (the
 * runtime reads goal rows).
 */
export function goalBetween(goal: Goal, from: string, to: string, groupKey?: string): number | null {
  switch (goal.type) {
    case "fixed":
      return goal.per === undefined ? goal.value : goal.value * periodsSpanned(from, to, goal.per);
    case "split": {
      const amount = splitGoalBetween(goal, from, to);
      if (amount === null || groupKey === undefined) return amount;
      const share = memberShare(goal, groupKey);
      return share === null ? null : amount * share;
    }
    case "records":
      return null;
  }
}

/**
 * The goal of one period ("2026", "2026-Q4", "2026-11", "2026-W48", "2026-11-23"), for the whole or
 * for one group; weeks and days get their months' goals prorated by days. See goalBetween.
 */
export function goalFor(
  goal: Goal,
  period: { unit: PeriodUnit; key: string },
  groupKey?: string,
): number | null {
  const range = parsePeriodKey(period.key);
  if (range.unit !== period.unit) {
    throw new KpiError("KPI_BAD_PERIOD_KEY", `"${period.key}" is not a ${period.unit} key`);
  }
  return goalBetween(goal, range.from, range.to, groupKey);
}
