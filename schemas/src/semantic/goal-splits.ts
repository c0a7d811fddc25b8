import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Goal } from "../kpi.js";
import { issue, pointer } from "./issue.js";

/** Amounts are money: half a cent of rounding is not a mismatch. */
export const GOAL_SPLIT_TOLERANCE = 0.005;

type SplitGoal = Extract<Goal, { type: "split" }>;

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Round away floating-point noise so messages show the difference people would compute. */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function compare(
  parts: readonly number[],
  partsPath: string,
  what: string,
  parent: number,
  parentPath: string,
  parentName: string,
  issues: ValidationIssue[],
): void {
  const total = sum(parts);
  const difference = tidy(total - parent);
  if (Math.abs(total - parent) <= GOAL_SPLIT_TOLERANCE) return;
  issues.push(
    issue(
      partsPath,
      "goal_split_mismatch",
      `${what} add up to ${tidy(total)}, but ${parentName} is ${parent} (difference ${difference})`,
      { parent: parentPath, expected: parent, actual: tidy(total), difference },
    ),
  );
}

function checkSplit(goal: SplitGoal, path: string, issues: ValidationIssue[]): void {
  const totalPath = pointer(path, "total");
  if (goal.quarters) {
    const quarters = goal.quarters;
    compare(quarters, pointer(path, "quarters"), "the quarters", goal.total, totalPath, "the total", issues);
    if (goal.months) {
      const months = goal.months;
      quarters.forEach((quarter, q) => {
        const label = `months ${3 * q + 1}-${3 * q + 3}`;
        const parentPath = pointer(path, "quarters", q);
        compare(
          months.slice(3 * q, 3 * q + 3),
          pointer(path, "months"),
          label,
          quarter,
          parentPath,
          `quarter ${q + 1}`,
          issues,
        );
      });
    }
  } else if (goal.months) {
    compare(goal.months, pointer(path, "months"), "the months", goal.total, totalPath, "the total", issues);
  }
  if (goal.members) {
    const values = goal.members.map((m) => m.value);
    compare(values, pointer(path, "members"), "the members", goal.total, totalPath, "the total", issues);
  }
}

/** Split goals given as amounts: quarters, months and members add up to their parent. */
export function checkGoalSplits(app: AppDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  (app.kpis ?? []).forEach((kpi, k) => {
    // Weights are normalised by the engine, so only amounts must add up.
    if (kpi.goal?.type === "split" && kpi.goal.mode === "amounts")
      checkSplit(kpi.goal, pointer("/kpis", k, "goal"), issues);
  });
  return issues;
}
