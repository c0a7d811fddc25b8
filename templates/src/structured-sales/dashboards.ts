import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** One cockpit: the funnel, conversion against target, stage days and checklist compliance. */
export function structuredSalesDashboards(): Dashboard[] {
  return [
    {
      id: "process_cockpit",
      name: t("流程驾驶舱", "Process cockpit"),
      period: "year",
      widgets: [
        { id: "conversion", type: "number", kpi: "stage_conversion", layout: { x: 0, y: 0, w: 3, h: 2 } },
        {
          id: "needs_conversion",
          type: "number",
          kpi: "needs_to_presentation",
          layout: { x: 3, y: 0, w: 3, h: 2 },
        },
        { id: "days", type: "number", kpi: "stage_days", layout: { x: 6, y: 0, w: 3, h: 2 } },
        { id: "compliance", type: "number", kpi: "checklist_compliance", layout: { x: 9, y: 0, w: 3, h: 2 } },
        {
          id: "funnel",
          type: "funnel",
          form: "deal",
          title: t("商机阶段漏斗", "Deals by stage"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "closing_days_by_month",
          type: "line",
          kpi: "closing_days",
          period: "month",
          title: t("成交跟进阶段耗时趋势", "Days in closing by month"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "compliance_by_owner",
          type: "bar",
          kpi: "checklist_compliance",
          groupBy: "owner",
          title: t("各负责人规范执行率", "Checklist compliance by owner"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "open_items",
          type: "table",
          form: "deal",
          title: t("有未完成必做项的商机", "Deals with open mandatory items"),
          columns: ["deal_name", "owner", "_stage", "stage_owner", "open_mandatory_items"],
          filter: [where("open_mandatory_items", "gt", 0)],
          limit: 50,
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
