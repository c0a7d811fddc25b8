import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The call-centre board: connect rate, script A/B, callbacks and the live call list. */
export function telesalesDashboards(): Dashboard[] {
  return [
    {
      id: "call_center",
      name: t("电销看板", "Call centre"),
      period: "month",
      widgets: [
        { id: "connect", type: "number", kpi: "connect_rate", layout: { x: 0, y: 0, w: 3, h: 2 } },
        { id: "conversion", type: "number", kpi: "script_conversion", layout: { x: 3, y: 0, w: 3, h: 2 } },
        { id: "on_time", type: "number", kpi: "callback_on_time", layout: { x: 6, y: 0, w: 3, h: 2 } },
        { id: "calls", type: "number", kpi: "calls_made", layout: { x: 9, y: 0, w: 3, h: 2 } },
        {
          id: "connect_by_agent",
          type: "leaderboard",
          kpi: "connect_rate",
          groupBy: "agent",
          title: t("坐席接通率排行", "Connect rate by agent"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "script_ab",
          type: "bar",
          kpi: "script_conversion",
          groupBy: "script",
          title: t("话术版本转化率（A/B）", "Conversion by script version (A/B)"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "calls_by_day",
          type: "line",
          kpi: "calls_made",
          period: "day",
          title: t("每日外呼量", "Calls per day"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "prospect_funnel",
          type: "funnel",
          form: "prospect",
          title: t("外呼转化漏斗", "Prospects by stage"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
        {
          // The call list: do-not-call numbers never appear.
          id: "callbacks",
          type: "table",
          form: "prospect",
          columns: ["name", "phone", "campaign", "agent", "next_callback_at", "retry_at", "attempts"],
          filter: [where("dnd", "eq", "no"), where("_stage", "in", ["to_call", "contacted", "interested"])],
          limit: 100,
          title: t("待回拨与重拨名单", "Callbacks and retries"),
          layout: { x: 0, y: 10, w: 12, h: 4 },
        },
      ],
    },
  ];
}
