import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The KPIs of TEMPLATES.md B19, read from the commission statements (period = period_start). */
export function incentiveKpis(): Kpi[] {
  return [
    {
      id: "leaderboard",
      name: t("业绩排行榜", "Leaderboard"),
      form: "commission_statement",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "attained" }, groupField: "rep" },
        denominator: { measure: { type: "sum", field: "quota" }, groupField: "rep" },
      },
      periodField: "period_start",
      groupBy: ["rep"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
    {
      id: "incentive_cost_ratio",
      name: t("激励成本率", "Incentive cost ratio"),
      form: "commission_statement",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "commission" } },
        denominator: { measure: { type: "sum", field: "attained" } },
      },
      periodField: "period_start",
      format: "percent",
      better: "lower",
      goal: { type: "fixed", value: 0.08 },
    },
    {
      id: "reps_at_quota",
      name: t("达标人数占比", "Reps at quota"),
      form: "commission_statement",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("attainment", "gte", 1)] },
        denominator: { measure: { type: "count" } },
      },
      periodField: "period_start",
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.6 },
    },
  ];
}
