import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The data cockpit: accuracy, conversion by source, completeness, activities and red metrics. */
export function dataDrivenDashboards(): Dashboard[] {
  return [
    {
      id: "data_cockpit",
      name: t("数据驾驶舱", "Data cockpit"),
      period: "month",
      widgets: [
        { id: "accuracy", type: "number", kpi: "forecast_accuracy", layout: { x: 0, y: 0, w: 3, h: 2 } },
        { id: "conversion", type: "number", kpi: "conversion_by_source", layout: { x: 3, y: 0, w: 3, h: 2 } },
        { id: "completeness", type: "number", kpi: "data_completeness", layout: { x: 6, y: 0, w: 3, h: 2 } },
        { id: "activity_total", type: "number", kpi: "activities", layout: { x: 9, y: 0, w: 3, h: 2 } },
        {
          id: "conversion_by_source_bar",
          type: "bar",
          kpi: "conversion_by_source",
          groupBy: "lead_source",
          title: t("各来源转化率", "Conversion by lead source"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "accuracy_ranking",
          type: "leaderboard",
          kpi: "forecast_accuracy",
          groupBy: "rep",
          limit: 20,
          title: t("预测准确率排名", "Forecast accuracy by rep"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "activities_by_type",
          type: "bar",
          kpi: "activities",
          groupBy: "activity_type",
          title: t("各类行为量", "Activities by type"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "red_metrics",
          type: "table",
          form: "metric_definition",
          title: t("红灯指标", "Metrics in the red"),
          columns: ["name_cn", "current_value", "red_threshold", "owner", "checked_on"],
          filter: [where("is_red", "eq", true)],
          limit: 50,
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
