import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** Sprint achievement, experiment adoption and cycle days by sprint (TEMPLATES.md B2). */
export function agileSalesKpis(): Kpi[] {
  return [
    {
      id: "sprint_achievement",
      name: t("冲刺达成率", "Sprint achievement"),
      form: "sprint",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "actual" } },
        denominator: { measure: { type: "sum", field: "sprint_target" } },
      },
      periodField: "start_date",
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
    {
      id: "experiment_adoption",
      name: t("实验采纳率", "Experiment adoption"),
      form: "experiment",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [where("_stage", "eq", "evaluated"), where("decision", "eq", "adopt")],
        },
        denominator: { measure: { type: "count" }, filter: [where("_stage", "eq", "evaluated")] },
      },
      periodField: "_created_at",
      groupBy: ["tactic"],
      format: "percent",
      better: "higher",
    },
    {
      id: "cycle_days",
      name: t("成交周期", "Cycle days"),
      form: "deal",
      measure: {
        type: "duration",
        from: { type: "created" },
        to: { type: "closed" },
        statistic: "avg",
        unit: "days",
      },
      filter: [where("_stage", "eq", "won")],
      periodField: "_closed_at",
      groupBy: ["sprint"],
      format: "days",
      better: "lower",
    },
  ];
}
