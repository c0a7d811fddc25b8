import type { Dashboard } from "@stagecraft/schemas";
import { t } from "../shared/i18n.js";

/** One board: bid win rate, milestone punctuality, who is overloaded, and the project funnel. */
export function projectBasedDashboards(): Dashboard[] {
  return [
    {
      id: "project_board",
      name: t("项目型销售看板", "Project sales board"),
      period: "year",
      widgets: [
        { id: "win_rate", type: "number", kpi: "bid_win_rate", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "on_time", type: "number", kpi: "milestone_on_time", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "load", type: "number", kpi: "team_load", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "load_by_member",
          type: "leaderboard",
          kpi: "team_load",
          groupBy: "member",
          title: t("成员负荷排行", "Load by member"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "project_funnel",
          type: "funnel",
          form: "deal",
          title: t("项目阶段分布", "Projects by stage"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "milestones",
          type: "table",
          form: "milestone",
          columns: ["name", "deal", "owner", "due_date", "status", "payment_share"],
          limit: 20,
          title: t("交付里程碑", "Delivery milestones"),
          layout: { x: 0, y: 6, w: 12, h: 4 },
        },
      ],
    },
  ];
}
