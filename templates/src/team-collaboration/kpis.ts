import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const WON = where("_stage", "eq", "won");

/** Team achievement, task turnaround and credited revenue by member (TEMPLATES.md B5). */
export function teamCollaborationKpis(): Kpi[] {
  return [
    {
      id: "team_achievement",
      name: t("团队达成率", "Team achievement"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "sum", field: "amount" },
          filter: [WON],
          periodField: "_closed_at",
          groupField: "team",
        },
        denominator: {
          form: "team_goal",
          measure: { type: "sum", field: "team_target" },
          periodField: "month",
          groupField: "team",
        },
      },
      periodField: "_closed_at",
      groupBy: ["team"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
    {
      id: "task_turnaround",
      name: t("协作响应时长", "Task turnaround"),
      form: "collab_task",
      measure: {
        type: "duration",
        from: { type: "created" },
        to: { type: "stage_entered", stage: "accepted" },
        statistic: "avg",
        unit: "hours",
      },
      periodField: "_created_at",
      groupBy: ["assignee"],
      format: "number",
      better: "lower",
      goal: { type: "fixed", value: 24 },
    },
    {
      // By member: the account manager is the deal's owner.
      id: "credited_revenue_am",
      name: t("客户经理计入业绩", "Credited revenue: account managers"),
      form: "deal",
      measure: { type: "sum", field: "am_credit" },
      filter: [WON],
      periodField: "_closed_at",
      groupBy: ["owner"],
      format: "money",
      better: "higher",
    },
    {
      id: "credited_revenue_presales",
      name: t("售前计入业绩", "Credited revenue: pre-sales"),
      form: "deal",
      measure: { type: "sum", field: "presales_credit" },
      filter: [WON],
      periodField: "_closed_at",
      groupBy: ["presales"],
      format: "money",
      better: "higher",
    },
  ];
}
