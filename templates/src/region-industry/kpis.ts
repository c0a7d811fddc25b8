import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const WON = where("_stage", "eq", "won");

/** The KPIs of TEMPLATES.md B9, per territory (won deals against quotas and market potential). */
export function regionIndustryKpis(): Kpi[] {
  return [
    {
      id: "quota_attainment",
      name: t("区域达成率", "Quota attainment"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "sum", field: "amount" },
          filter: [WON],
          periodField: "_closed_at",
          groupField: "territory",
        },
        denominator: { form: "territory", measure: { type: "sum", field: "quota_total" }, groupField: "_id" },
      },
      periodField: "_closed_at",
      groupBy: ["territory"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
    {
      id: "penetration",
      name: t("市场渗透率", "Market penetration"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "sum", field: "amount" },
          filter: [WON],
          periodField: "_closed_at",
          groupField: "territory",
        },
        denominator: {
          form: "territory",
          measure: { type: "sum", field: "market_potential" },
          groupField: "_id",
        },
      },
      periodField: "_closed_at",
      groupBy: ["territory"],
      format: "percent",
      better: "higher",
    },
    {
      id: "win_rate",
      name: t("赢单率", "Win rate"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [WON] },
        denominator: { measure: { type: "count" }, filter: [where("_stage", "in", ["won", "lost"])] },
      },
      periodField: "_closed_at",
      groupBy: ["industry", "territory"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.4 },
    },
  ];
}
