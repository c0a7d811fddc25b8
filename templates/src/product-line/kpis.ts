import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const WON = where("_stage", "eq", "won");

/** The KPIs of TEMPLATES.md B10, from the revenue booked per line and the won deals. */
export function productLineKpis(): Kpi[] {
  return [
    {
      id: "line_attainment",
      name: t("产品线达成率", "Line attainment"),
      form: "line_revenue",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "sum", field: "amount" },
          periodField: "month",
          groupField: "product_line",
        },
        denominator: {
          form: "product_line",
          measure: { type: "sum", field: "annual_target" },
          groupField: "_id",
        },
      },
      periodField: "month",
      groupBy: ["product_line"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
    {
      id: "product_mix",
      name: t("产品结构", "Product mix"),
      form: "line_revenue",
      measure: { type: "sum", field: "amount" },
      periodField: "month",
      groupBy: ["product_line", "product"],
      format: "money",
      better: "higher",
    },
    {
      id: "cross_sell_rate",
      name: t("交叉销售率", "Cross-sell rate"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [WON, where("cross_sell", "eq", 1)] },
        denominator: { measure: { type: "count" }, filter: [WON] },
      },
      periodField: "_closed_at",
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.3 },
    },
  ];
}
