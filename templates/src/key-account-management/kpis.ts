import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The KPIs of TEMPLATES.md B12. */
export function keyAccountKpis(): Kpi[] {
  return [
    {
      id: "plan_attainment",
      name: t("客户计划达成率", "Account plan attainment"),
      form: "account_plan",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "revenue_actual" } },
        denominator: { measure: { type: "sum", field: "revenue_goal" } },
      },
      filter: [where("_stage", "in", ["approved", "executing", "closed"])],
      groupBy: ["kam"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
    {
      id: "qbr_completion",
      name: t("QBR 完成率", "QBR completion"),
      form: "qbr",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("_stage", "eq", "held")] },
        denominator: { measure: { type: "count" } },
      },
      periodField: "meeting_date",
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
    {
      // Decision makers met in the last 90 days (as of each plan's last save) ÷ decision makers.
      id: "stakeholder_coverage",
      name: t("决策人覆盖率", "Decision-maker coverage"),
      form: "account_plan",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "dm_covered" } },
        denominator: { measure: { type: "sum", field: "dm_count" } },
      },
      filter: [where("_stage", "in", ["stakeholders_mapped", "approved", "executing"])],
      groupBy: ["kam"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.8 },
    },
  ];
}
