import type { Dashboard } from "@stagecraft/schemas";
import { t } from "../shared/i18n.js";

/** The incentive board: the three KPIs, the ranking, statements by stage and the latest awards. */
export function incentiveDashboards(): Dashboard[] {
  return [
    {
      id: "incentive_board",
      name: t("激励看板", "Incentive board"),
      period: "month",
      widgets: [
        { id: "attainment", type: "number", kpi: "leaderboard", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "cost", type: "number", kpi: "incentive_cost_ratio", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "at_quota", type: "number", kpi: "reps_at_quota", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "ranking",
          type: "leaderboard",
          kpi: "leaderboard",
          groupBy: "rep",
          limit: 10,
          title: t("达成率排行榜 Top 10", "Top 10 by attainment"),
          layout: { x: 0, y: 2, w: 6, h: 6 },
        },
        {
          id: "statements_by_stage",
          type: "funnel",
          form: "commission_statement",
          title: t("结算单进度", "Statements by stage"),
          layout: { x: 6, y: 2, w: 6, h: 3 },
        },
        {
          id: "cost_by_month",
          type: "line",
          kpi: "incentive_cost_ratio",
          period: "month",
          title: t("激励成本率趋势", "Incentive cost by month"),
          layout: { x: 6, y: 5, w: 6, h: 3 },
        },
        {
          id: "recognitions",
          type: "table",
          form: "recognition",
          title: t("荣誉榜", "Recognitions"),
          columns: ["award_date", "rep", "award", "reward", "_stage"],
          limit: 20,
          layout: { x: 0, y: 8, w: 12, h: 4 },
        },
      ],
    },
  ];
}
