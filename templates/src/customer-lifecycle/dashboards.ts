import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** One board: retention KPIs, value by industry, the lifecycle funnel and the customers at risk. */
export function customerLifecycleDashboards(): Dashboard[] {
  return [
    {
      id: "lifecycle_board",
      name: t("客户生命周期看板", "Customer lifecycle board"),
      period: "year",
      widgets: [
        { id: "renewal", type: "number", kpi: "renewal_rate", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "churn", type: "number", kpi: "churn_rate", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "ltv_avg", type: "number", kpi: "ltv", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "ltv_by_industry",
          type: "bar",
          kpi: "ltv",
          groupBy: "industry",
          title: t("各行业客户终身价值", "Lifetime value by industry"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "lifecycle_funnel",
          type: "funnel",
          form: "customer",
          title: t("客户生命周期分布", "Customers by lifecycle stage"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "at_risk",
          type: "table",
          form: "customer",
          columns: ["customer_name", "csm", "health_score", "contract_end_date", "_stage"],
          filter: [where("health_score", "lt", 40)],
          limit: 20,
          title: t("健康分低于 40 的客户", "Customers with health below 40"),
          layout: { x: 0, y: 6, w: 12, h: 4 },
        },
      ],
    },
  ];
}
