import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const NOT_REJECTED = where("_stage", "ne", "rejected");
const WON = where("_stage", "eq", "won");

/** lead_balance, joint_win_rate and joint_revenue (TEMPLATES.md B18). */
export function jointSellingKpis(): Kpi[] {
  return [
    {
      // Leads we sent ÷ leads we received: 1 is a balanced exchange.
      id: "lead_balance",
      name: t("线索互换平衡", "Lead exchange balance"),
      form: "shared_lead",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [where("direction", "eq", "to_partner"), NOT_REJECTED],
          groupField: "alliance",
        },
        denominator: {
          measure: { type: "count" },
          filter: [where("direction", "eq", "from_partner"), NOT_REJECTED],
          groupField: "alliance",
        },
      },
      periodField: "_created_at",
      groupBy: ["alliance"],
      format: "number",
      goal: { type: "fixed", value: 1 },
    },
    {
      id: "joint_win_rate",
      name: t("联合赢单率", "Joint win rate"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [WON] },
        denominator: { measure: { type: "count" }, filter: [where("_stage", "in", ["won", "lost"])] },
      },
      periodField: "_closed_at",
      groupBy: ["alliance", "owner"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.4 },
    },
    {
      id: "joint_revenue",
      name: t("联合销售收入（我方）", "Joint revenue (our share)"),
      form: "deal",
      measure: { type: "sum", field: "our_revenue" },
      filter: [WON],
      periodField: "_closed_at",
      groupBy: ["alliance", "owner"],
      format: "money",
      better: "higher",
      goal: { type: "fixed", value: 1_000_000, per: "quarter" },
    },
  ];
}
