import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const ACTIVE = where("_stage", "eq", "active");

/** channel_revenue, active_partner_rate and rebate_ratio (TEMPLATES.md B13). */
export function channelSalesKpis(): Kpi[] {
  return [
    {
      id: "channel_revenue",
      name: t("渠道销售额", "Channel revenue"),
      form: "sell_in_order",
      measure: { type: "sum", field: "total" },
      periodField: "order_date",
      groupBy: ["partner_tier", "partner"],
      format: "money",
      better: "higher",
      goal: { type: "fixed", value: 2_000_000, per: "month" },
    },
    {
      // Active partners that ordered in the last 90 days ÷ all active partners (a snapshot).
      id: "active_partner_rate",
      name: t("活跃伙伴率", "Active partner rate"),
      form: "partner",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [ACTIVE, where("last_sell_in_date", "within_last_days", 90)],
        },
        denominator: { measure: { type: "count" }, filter: [ACTIVE] },
      },
      groupBy: ["territory"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.8 },
    },
    {
      id: "rebate_ratio",
      name: t("返利费用率", "Rebate ratio"),
      form: "partner",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "rebate_accrued" }, periodField: "rebate_accrued_on" },
        denominator: {
          form: "sell_in_order",
          measure: { type: "sum", field: "total" },
          periodField: "order_date",
        },
      },
      format: "percent",
      better: "lower",
      goal: { type: "fixed", value: 0.05 },
    },
  ];
}
