import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The channel cockpit: revenue by tier, partner activity and rebate cost. */
export function channelSalesDashboards(): Dashboard[] {
  return [
    {
      id: "channel_cockpit",
      name: t("渠道驾驶舱", "Channel cockpit"),
      period: "year",
      widgets: [
        { id: "revenue", type: "number", kpi: "channel_revenue", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "active_rate", type: "number", kpi: "active_partner_rate", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "rebate", type: "number", kpi: "rebate_ratio", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "revenue_by_tier",
          type: "bar",
          kpi: "channel_revenue",
          groupBy: "partner_tier",
          title: t("各等级渠道销售额", "Revenue by partner tier"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "revenue_by_month",
          type: "line",
          kpi: "channel_revenue",
          period: "month",
          title: t("月度渠道销售额", "Channel revenue by month"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "top_partners",
          type: "leaderboard",
          kpi: "channel_revenue",
          groupBy: "partner",
          limit: 10,
          title: t("伙伴进货排行", "Top partners by sell-in"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "partner_funnel",
          type: "funnel",
          form: "partner",
          title: t("伙伴发展漏斗", "Partners by stage"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
        {
          id: "active_partners",
          type: "table",
          form: "partner",
          columns: ["name", "territory", "tier", "ytd_sell_in", "last_sell_in_date", "rebate_accrued"],
          filter: [where("_stage", "eq", "active")],
          limit: 50,
          title: t("合作中的伙伴", "Active partners"),
          layout: { x: 0, y: 10, w: 12, h: 4 },
        },
      ],
    },
  ];
}
