/**
 * Split goals: a year total broken down to quarters, months and members. Weights are normalized to
 * their parent's amount (all-zero weights split evenly); amounts are used as given, even when they
 * do not add up (the definition's checks report that, the KPI shows what the admin typed).
 */
import type { Goal } from "@stagecraft/schemas";
import { daysBetween, maxDate, minDate } from "./calendar-date.js";
import { parsePeriodKey } from "./periods.js";

/** A goal split top-down from a year total. */
export type SplitGoal = Extract<Goal, { type: "split" }>;

/** The amounts of a split goal's four quarters and twelve months. */
export interface SplitAmounts {
  quarters: number[];
  months: number[];
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** `total` shared out in proportion to `weights`; evenly when the weights add up to 0. */
function spread(weights: readonly number[], total: number): number[] {
  const weightSum = sum(weights);
  // Divide first: total × w could underflow to 0 for a tiny weight (found by the property test).
  return weights.map((w) => (weightSum > 0 ? total * (w / weightSum) : total / weights.length));
}

const monthsOf = <T>(months: readonly T[], quarter: number): T[] =>
  months.slice(quarter * 3, quarter * 3 + 3);

/**
 * Quarter and month amounts. Quarters: weights → shares of the total; amounts → as given; absent →
 * the sums of the months when months are given (weights then share the year total), else even.
 * Months: weights → shares of their quarter; amounts → as given; absent → a third of their quarter.
 */
export function splitAmounts(goal: SplitGoal): SplitAmounts {
  const byWeight = goal.mode === "weights";
  if (goal.quarters === undefined && goal.months !== undefined) {
    const months = byWeight ? spread(goal.months, goal.total) : [...goal.months];
    return { quarters: [0, 1, 2, 3].map((q) => sum(monthsOf(months, q))), months };
  }
  const quarters =
    goal.quarters === undefined
      ? [1, 1, 1, 1].map(() => goal.total / 4)
      : byWeight
        ? spread(goal.quarters, goal.total)
        : [...goal.quarters];
  const months = quarters.flatMap((amount, q) => {
    if (goal.months === undefined) return [amount / 3, amount / 3, amount / 3];
    return byWeight ? spread(monthsOf(goal.months, q), amount) : monthsOf(goal.months, q);
  });
  return { quarters, months };
}

/**
 * A member's share of every period's amount: its value ÷ the sum of all members' values (weights
 * and amounts alike; even shares when they add up to 0); null when the key is not a member.
 */
export function memberShare(goal: SplitGoal, key: string): number | null {
  const members = goal.members ?? [];
  const own = members.filter((m) => m.key === key);
  if (own.length === 0) return null;
  const total = sum(members.map((m) => m.value));
  return total > 0 ? sum(own.map((m) => m.value)) / total : own.length / members.length;
}

/**
 * The goal amount for the date range [from, to): whole years, quarters and months take their own
 * amounts, a part of a month its month's amount prorated by days; null when the range misses the
 * goal's year.
 */
export function splitGoalBetween(goal: SplitGoal, from: string, to: string): number | null {
  const year = parsePeriodKey(String(goal.year));
  const start = maxDate(from, year.from);
  const end = minDate(to, year.to);
  if (start >= end) return null;
  if (start === year.from && end === year.to) return goal.total;
  const { quarters, months } = splitAmounts(goal);
  let total = 0;
  quarters.forEach((quarterAmount, q) => {
    const quarter = parsePeriodKey(`${goal.year}-Q${q + 1}`);
    if (start <= quarter.from && end >= quarter.to) {
      total += quarterAmount;
      return;
    }
    monthsOf(months, q).forEach((monthAmount, i) => {
      const month = parsePeriodKey(`${goal.year}-${String(q * 3 + i + 1).padStart(2, "0")}`);
      const days = daysBetween(maxDate(start, month.from), minDate(end, month.to));
      if (days > 0) total += (monthAmount * days) / daysBetween(month.from, month.to);
    });
  });
  return total;
}
