import type { Dashboard } from "@stagecraft/schemas";
import { todayValue, where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The tiering board: revenue share and cadence compliance per tier, and today's due touches. */
export function customerTieringDashboards(): Dashboard[] {
  return [
    {
      id: "tiering_board",
      name: t("客户分级看板", "Customer tiering board"),
      period: "year",
      widgets: [
        { id: "share_a", type: "number", kpi: "revenue_share_a", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "share_b", type: "number", kpi: "revenue_share_b", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "share_c", type: "number", kpi: "revenue_share_c", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "compliance_a",
          type: "number",
          kpi: "cadence_compliance_a",
          layout: { x: 0, y: 2, w: 4, h: 2 },
        },
        {
          id: "compliance_b",
          type: "number",
          kpi: "cadence_compliance_b",
          layout: { x: 4, y: 2, w: 4, h: 2 },
        },
        { id: "c_coverage", type: "number", kpi: "c_tier_coverage", layout: { x: 8, y: 2, w: 4, h: 2 } },
        {
          id: "value_by_tier",
          type: "bar",
          kpi: "annual_value_by_tier",
          groupBy: "effective_tier",
          title: t("各级年价值", "Annual value by tier"),
          layout: { x: 0, y: 4, w: 6, h: 4 },
        },
        {
          id: "lifecycle",
          type: "funnel",
          form: "customer",
          title: t("客户状态分布", "Customers by stage"),
          layout: { x: 6, y: 4, w: 6, h: 4 },
        },
        {
          id: "due_touches",
          type: "table",
          form: "customer",
          title: t("到期待触达客户", "Customers due for a touch"),
          columns: ["customer_name", "effective_tier", "next_touch_date", "owner", "annual_value"],
          filter: [
            where("next_touch_date", "lte", todayValue()),
            where("_stage", "in", ["rated", "serving"]),
          ],
          limit: 100,
          layout: { x: 0, y: 8, w: 12, h: 5 },
        },
      ],
    },
  ];
}
