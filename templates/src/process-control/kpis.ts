import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The KPIs of TEMPLATES.md B7. */
export function processControlKpis(): Kpi[] {
  return [
    {
      id: "process_compliance",
      name: t("过程达标率", "Process compliance"),
      form: "process_scorecard",
      measure: { type: "avg", field: "compliance_score" },
      filter: [where("scored_on", "is_set")],
      periodField: "week_start",
      groupBy: ["rep"],
      format: "number",
      better: "higher",
      goal: { type: "fixed", value: 80 },
    },
    {
      id: "on_time_follow_rate",
      name: t("按时跟进率", "On-time follow-up rate"),
      form: "visit_record",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("on_time", "eq", 1)] },
        denominator: { measure: { type: "count" } },
      },
      periodField: "check_in_at",
      groupBy: ["rep"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.9 },
    },
    {
      id: "visits_per_win",
      name: t("赢单拜访数", "Visits per win"),
      form: "visit_record",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, periodField: "check_in_at" },
        denominator: {
          form: "deal",
          measure: { type: "count" },
          filter: [where("_stage", "eq", "won")],
          periodField: "_closed_at",
        },
      },
      periodField: "check_in_at",
      format: "number",
      better: "lower",
    },
  ];
}
