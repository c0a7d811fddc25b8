import type { Dashboard } from "@stagecraft/schemas";
import { t } from "../shared/i18n.js";

/** The social board: leads per post, engagement and cost per lead by platform. */
export function socialMediaDashboards(): Dashboard[] {
  return [
    {
      id: "social_board",
      name: t("社媒获客看板", "Social acquisition board"),
      period: "month",
      widgets: [
        { id: "per_post", type: "number", kpi: "leads_per_post", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "engagement", type: "number", kpi: "engagement_rate", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "cpl", type: "number", kpi: "cost_per_lead", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "per_post_by_platform",
          type: "bar",
          kpi: "leads_per_post",
          groupBy: "platform",
          title: t("各平台单篇获客", "Leads per post by platform"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "cpl_by_platform",
          type: "bar",
          kpi: "cost_per_lead",
          groupBy: "platform",
          title: t("各平台获客成本", "Cost per lead by platform"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "lead_funnel",
          type: "funnel",
          form: "social_lead",
          title: t("社媒线索转化漏斗", "Social leads by stage"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "engagement_by_month",
          type: "line",
          kpi: "engagement_rate",
          period: "month",
          title: t("互动率趋势", "Engagement by month"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
        {
          id: "posts",
          type: "table",
          form: "content_post",
          columns: [
            "title",
            "platform",
            "format",
            "publish_at",
            "views",
            "engagement_rate",
            "leads",
            "cost_per_lead",
          ],
          limit: 50,
          title: t("内容效果", "Post performance"),
          layout: { x: 0, y: 10, w: 8, h: 4 },
        },
        {
          id: "communities",
          type: "table",
          form: "community",
          columns: ["group_name", "platform", "operator", "members", "active_rate"],
          limit: 50,
          title: t("社群活跃度", "Communities"),
          layout: { x: 8, y: 10, w: 4, h: 4 },
        },
      ],
    },
  ];
}
