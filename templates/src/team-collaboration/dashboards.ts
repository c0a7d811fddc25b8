import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The team board: achievement by team, turnaround, credited revenue by member and open tasks. */
export function teamCollaborationDashboards(): Dashboard[] {
  return [
    {
      id: "team_board",
      name: t("团队协作看板", "Team board"),
      period: "month",
      widgets: [
        { id: "achievement", type: "number", kpi: "team_achievement", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "turnaround", type: "number", kpi: "task_turnaround", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "am_credit", type: "number", kpi: "credited_revenue_am", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "achievement_by_team",
          type: "bar",
          kpi: "team_achievement",
          groupBy: "team",
          title: t("各团队达成率", "Achievement by team"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "am_ranking",
          type: "leaderboard",
          kpi: "credited_revenue_am",
          groupBy: "owner",
          limit: 20,
          title: t("客户经理业绩排名", "Account managers by credited revenue"),
          layout: { x: 6, y: 2, w: 3, h: 4 },
        },
        {
          id: "presales_ranking",
          type: "leaderboard",
          kpi: "credited_revenue_presales",
          groupBy: "presales",
          limit: 20,
          title: t("售前业绩排名", "Pre-sales by credited revenue"),
          layout: { x: 9, y: 2, w: 3, h: 4 },
        },
        {
          id: "open_tasks",
          type: "table",
          form: "collab_task",
          title: t("待处理协作任务", "Open collaboration tasks"),
          columns: ["deal", "task_type", "assignee", "due_date", "_stage"],
          filter: [where("_stage", "in", ["requested", "accepted"])],
          limit: 50,
          layout: { x: 0, y: 6, w: 12, h: 4 },
        },
      ],
    },
  ];
}
