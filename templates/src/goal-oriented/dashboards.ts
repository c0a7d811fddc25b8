import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The goal board: achievement by rep and month, stretch hits, commit accuracy and pace. */
export function goalOrientedDashboards(): Dashboard[] {
  return [
    {
      id: "goal_board",
      name: t("目标看板", "Goal board"),
      period: "month",
      widgets: [
        { id: "achievement", type: "number", kpi: "achievement_rate", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "stretch", type: "number", kpi: "stretch_hits", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "commit", type: "number", kpi: "commit_accuracy", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "achievement_by_rep",
          type: "leaderboard",
          kpi: "achievement_rate",
          groupBy: "assignee",
          limit: 50,
          title: t("个人达成率排名", "Achievement by rep"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "achievement_by_month",
          type: "line",
          kpi: "achievement_rate",
          period: "month",
          title: t("月度达成率", "Achievement by month"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "pace_table",
          type: "table",
          form: "target",
          title: t("跟踪中的目标进度", "Pace of targets in tracking"),
          columns: ["assignee", "team", "period_start", "base_target", "achieved", "pace"],
          filter: [where("_stage", "eq", "tracking")],
          limit: 100,
          layout: { x: 0, y: 6, w: 8, h: 4 },
        },
        {
          id: "targets_by_stage",
          type: "funnel",
          form: "target",
          title: t("目标状态", "Targets by stage"),
          layout: { x: 8, y: 6, w: 4, h: 4 },
        },
      ],
    },
  ];
}
