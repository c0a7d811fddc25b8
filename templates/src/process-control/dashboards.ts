import type { Dashboard } from "@stagecraft/schemas";
import { t } from "../shared/i18n.js";

/** One board: the three process KPIs, ranked per rep, and the deals by stage. */
export function processControlDashboards(): Dashboard[] {
  return [
    {
      id: "process_board",
      name: t("过程管控看板", "Process control board"),
      period: "month",
      widgets: [
        { id: "compliance", type: "number", kpi: "process_compliance", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "on_time", type: "number", kpi: "on_time_follow_rate", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "per_win", type: "number", kpi: "visits_per_win", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "compliance_ranking",
          type: "leaderboard",
          kpi: "process_compliance",
          groupBy: "rep",
          title: t("过程达标排名", "Compliance by rep"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "on_time_by_week",
          type: "line",
          kpi: "on_time_follow_rate",
          period: "week",
          title: t("按时跟进率趋势", "On-time rate by week"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "deal_funnel",
          type: "funnel",
          form: "deal",
          title: t("商机阶段分布", "Deals by stage"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "recent_visits",
          type: "table",
          form: "visit_record",
          columns: ["check_in_at", "rep", "visit_type", "location", "on_time", "quality_score"],
          limit: 20,
          title: t("最近拜访", "Recent visits"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
