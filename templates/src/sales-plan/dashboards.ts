import type { Dashboard } from "@stagecraft/schemas";
import { todayValue, where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The three dashboards of TEMPLATES.md A.4 (ids are snake_case: the schema requires it). */
export function salesPlanDashboards(): Dashboard[] {
  return [
    {
      id: "plan_cockpit",
      name: t("计划驾驶舱", "Plan cockpit"),
      period: "month",
      widgets: [
        {
          id: "achievement",
          type: "number",
          kpi: "goal_achievement_rate",
          layout: { x: 0, y: 0, w: 3, h: 2 },
        },
        { id: "cycle", type: "number", kpi: "sales_cycle_days", layout: { x: 3, y: 0, w: 3, h: 2 } },
        { id: "renewal", type: "number", kpi: "renewal_rate", layout: { x: 6, y: 0, w: 3, h: 2 } },
        {
          id: "conversion",
          type: "number",
          kpi: "stage_conversion_rate",
          layout: { x: 9, y: 0, w: 3, h: 2 },
        },
        {
          id: "achievement_by_month",
          type: "line",
          kpi: "goal_achievement_rate",
          period: "month",
          title: t("月度目标达成率", "Goal achievement by month"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "achievement_by_person",
          type: "bar",
          kpi: "goal_achievement_rate",
          groupBy: "owner",
          title: t("个人目标达成率", "Goal achievement by person"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "deal_funnel",
          type: "funnel",
          form: "deal",
          title: t("商机阶段漏斗", "Deals by stage"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "cycle_by_month",
          type: "line",
          kpi: "sales_cycle_days",
          period: "month",
          title: t("成交周期趋势", "Sales cycle by month"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
    {
      // "The rep's" numbers: the schema has no current-user filter, so groups stand in (see gaps).
      id: "my_plan",
      name: t("我的计划", "My plan"),
      period: "month",
      widgets: [
        {
          id: "my_achievement",
          type: "bar",
          kpi: "goal_achievement_rate",
          groupBy: "owner",
          layout: { x: 0, y: 0, w: 4, h: 3 },
        },
        {
          id: "my_new_customers",
          type: "bar",
          kpi: "new_customers_signed",
          groupBy: "owner",
          layout: { x: 4, y: 0, w: 4, h: 3 },
        },
        { id: "my_visits", type: "bar", kpi: "visits", groupBy: "owner", layout: { x: 8, y: 0, w: 4, h: 3 } },
        {
          id: "due_follow_ups",
          type: "table",
          form: "follow_up",
          title: t("到期待跟进", "Due follow-ups"),
          columns: ["follow_at", "customer", "deal", "follow_type", "owner"],
          filter: [where("status", "eq", "planned"), where("follow_at", "lte", todayValue())],
          limit: 50,
          layout: { x: 0, y: 3, w: 12, h: 5 },
        },
      ],
    },
    {
      id: "weekly_leaderboard",
      name: t("周排行榜", "Weekly leaderboard"),
      period: "week",
      widgets: [
        {
          id: "ranking",
          type: "leaderboard",
          kpi: "goal_achievement_rate",
          groupBy: "owner",
          limit: 50,
          title: t("目标达成率排名", "Ranked by goal achievement"),
          layout: { x: 0, y: 0, w: 8, h: 8 },
        },
        {
          id: "team_achievement",
          type: "number",
          kpi: "goal_achievement_rate",
          layout: { x: 8, y: 0, w: 4, h: 3 },
        },
      ],
    },
  ];
}
