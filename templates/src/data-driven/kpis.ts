import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** Forecast accuracy, conversion by source, data completeness and activities (TEMPLATES.md B4). */
export function dataDrivenKpis(): Kpi[] {
  return [
    {
      id: "forecast_accuracy",
      name: t("预测准确率", "Forecast accuracy"),
      form: "forecast_snapshot",
      measure: { type: "avg", field: "accuracy" },
      periodField: "week_start",
      groupBy: ["rep"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.85 },
    },
    {
      id: "conversion_by_source",
      name: t("分渠道转化率", "Conversion by source"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [where("_stage", "eq", "won")],
          groupField: "lead_source",
        },
        denominator: { measure: { type: "count" }, groupField: "lead_source" },
      },
      periodField: "_created_at",
      groupBy: ["lead_source"],
      format: "percent",
      better: "higher",
    },
    {
      id: "data_completeness",
      name: t("数据完整度", "Data completeness"),
      form: "deal",
      measure: { type: "avg", field: "completeness" },
      periodField: "_created_at",
      groupBy: ["owner"],
      format: "number",
      better: "higher",
      goal: { type: "fixed", value: 80 },
    },
    {
      id: "activities",
      name: t("行为量", "Activities"),
      form: "activity_log",
      measure: { type: "count" },
      periodField: "occurred_at",
      groupBy: ["activity_type", "actor"],
      format: "number",
      better: "higher",
    },
  ];
}
