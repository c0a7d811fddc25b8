import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** Stage conversion (vs target), stage days and checklist compliance (TEMPLATES.md B1). */
export function structuredSalesKpis(): Kpi[] {
  return [
    {
      // The target is a constant here: stage_standard.conversion_target has no period to read it by.
      id: "stage_conversion",
      name: t("阶段转化率（开发→赢单）", "Stage conversion (development → won)"),
      form: "deal",
      measure: { type: "stage_conversion", from: "development", to: "won" },
      periodField: "_created_at",
      groupBy: ["owner"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.2 },
    },
    {
      id: "needs_to_presentation",
      name: t("阶段转化率（需求分析→方案呈现）", "Stage conversion (needs analysis → presentation)"),
      form: "deal",
      measure: { type: "stage_conversion", from: "needs_analysis", to: "presentation" },
      periodField: "_created_at",
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.6 },
    },
    {
      id: "stage_days",
      name: t("阶段耗时", "Days per stage"),
      form: "deal",
      measure: { type: "time_in_stage", statistic: "avg", unit: "days" },
      periodField: "_created_at",
      format: "days",
      better: "lower",
    },
    {
      id: "closing_days",
      name: t("成交跟进阶段耗时", "Days in closing"),
      form: "deal",
      measure: { type: "time_in_stage", stage: "closing", statistic: "avg", unit: "days" },
      periodField: "_created_at",
      format: "days",
      better: "lower",
      goal: { type: "fixed", value: 14 },
    },
    {
      id: "checklist_compliance",
      name: t("规范执行率", "Checklist compliance"),
      form: "deal",
      measure: { type: "avg", field: "checklist_completion" },
      filter: [where("_stage", "not_in", ["lost"])],
      periodField: "_created_at",
      groupBy: ["owner"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.9 },
    },
  ];
}
