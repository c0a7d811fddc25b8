import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The KPIs of TEMPLATES.md B20. */
export function trainingKpis(): Kpi[] {
  return [
    {
      id: "pass_rate",
      name: t("考核通过率", "Pass rate"),
      form: "assessment",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [where("passed", "eq", true)],
          groupField: "course",
        },
        denominator: { measure: { type: "count" }, groupField: "course" },
      },
      groupBy: ["course"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.8 },
    },
    {
      id: "time_to_certify",
      name: t("认证周期", "Time to certify"),
      form: "learning_plan",
      measure: {
        type: "duration",
        from: { type: "created" },
        to: { type: "stage_entered", stage: "certified" },
        statistic: "avg",
        unit: "days",
      },
      filter: [where("_stage", "eq", "certified")],
      periodField: "_closed_at",
      format: "days",
      better: "lower",
      goal: { type: "fixed", value: 60 },
    },
    {
      id: "ramp_attainment",
      name: t("新人爬坡达成", "Ramp attainment"),
      form: "learning_plan",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "ramp_actual" } },
        denominator: { measure: { type: "sum", field: "ramp_target" } },
      },
      // Plans without a ramp target are left out of both sums.
      filter: [where("ramp_target", "gt", 0)],
      periodField: "start_date",
      groupBy: ["learner"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
  ];
}
