import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The KPIs of TEMPLATES.md B11. */
export function projectBasedKpis(): Kpi[] {
  return [
    {
      // Of the projects that submitted a bid, the share won.
      id: "bid_win_rate",
      name: t("中标率", "Bid win rate"),
      form: "deal",
      measure: { type: "stage_conversion", from: "bid_submitted", to: "won" },
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.35 },
    },
    {
      id: "milestone_on_time",
      name: t("里程碑准时率", "Milestones on time"),
      form: "milestone",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("on_time", "eq", 1)] },
        denominator: { measure: { type: "count" }, filter: [where("status", "in", ["done", "late"])] },
      },
      periodField: "due_date",
      groupBy: ["owner"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.9 },
    },
    {
      // A member's allocations summed over the projects still running (1 = fully booked).
      id: "team_load",
      name: t("团队负荷", "Team load"),
      form: "team_assignment",
      measure: { type: "sum", field: "allocation" },
      filter: [where("released", "eq", "no")],
      groupBy: ["member"],
      format: "percent",
      better: "lower",
      goal: { type: "fixed", value: 1 },
    },
  ];
}
