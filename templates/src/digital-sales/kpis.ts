import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** Snapshots scoring at least this count as adopting users. */
export const ADOPTED_SCORE = 60;

/** The KPIs of TEMPLATES.md B24. */
export function digitalKpis(): Kpi[] {
  return [
    {
      id: "adoption_rate",
      name: t("系统使用率", "Adoption rate"),
      form: "adoption_snapshot",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [where("adoption_score", "gte", ADOPTED_SCORE)],
          groupField: "user",
        },
        denominator: { measure: { type: "count" }, groupField: "user" },
      },
      filter: [where("closed_on", "is_set")],
      periodField: "week_start",
      groupBy: ["user"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.8 },
    },
    {
      id: "integration_success",
      name: t("集成成功率", "Integration success"),
      form: "integration",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "success_count" } },
        denominator: { measure: { type: "sum", field: "total_syncs" } },
      },
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.99 },
    },
    {
      id: "digital_trail",
      name: t("全程线上率", "Fully online deals"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("online_trail", "eq", true)] },
        denominator: { measure: { type: "count" } },
      },
      filter: [where("_stage", "eq", "won")],
      periodField: "_closed_at",
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.9 },
    },
  ];
}
