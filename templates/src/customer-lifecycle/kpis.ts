import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The KPIs of TEMPLATES.md B8 (read from the customer's lifecycle stage log and its orders). */
export function customerLifecycleKpis(): Kpi[] {
  return [
    {
      // Of the customers that became due for renewal, the share that came back to active.
      id: "renewal_rate",
      name: t("续费率", "Renewal rate"),
      form: "customer",
      measure: { type: "stage_conversion", from: "renewal_due", to: "active" },
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.85 },
    },
    {
      // Of the customers active in the period, the share that then churned (the seed's "churned ÷
      // active at period start" needs a snapshot at the period start, which KPIs cannot take).
      id: "churn_rate",
      name: t("流失率", "Churn rate"),
      form: "customer",
      measure: { type: "stage_conversion", from: "active", to: "churned" },
      format: "percent",
      better: "lower",
      goal: { type: "fixed", value: 0.1 },
    },
    {
      id: "ltv",
      name: t("客户终身价值", "Customer lifetime value"),
      form: "customer",
      measure: { type: "avg", field: "ltv" },
      filter: [where("ltv", "gt", 0)],
      groupBy: ["industry"],
      format: "money",
      better: "higher",
    },
  ];
}
