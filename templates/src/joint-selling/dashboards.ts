import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The alliance board: lead exchange, joint wins and the revenue share ledger. */
export function jointSellingDashboards(): Dashboard[] {
  return [
    {
      id: "alliance_board",
      name: t("联合销售看板", "Joint selling board"),
      period: "quarter",
      widgets: [
        { id: "balance", type: "number", kpi: "lead_balance", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "win_rate", type: "number", kpi: "joint_win_rate", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "revenue", type: "number", kpi: "joint_revenue", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "balance_by_alliance",
          type: "bar",
          kpi: "lead_balance",
          groupBy: "alliance",
          title: t("各合作方线索互换", "Lead exchange by alliance"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "revenue_by_alliance",
          type: "leaderboard",
          kpi: "joint_revenue",
          groupBy: "alliance",
          title: t("合作方联合收入排行", "Joint revenue by alliance"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "lead_funnel",
          type: "funnel",
          form: "shared_lead",
          title: t("共享线索处理", "Shared leads by stage"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "ledger",
          type: "table",
          form: "alliance",
          columns: [
            "partner_company",
            "our_share",
            "leads_sent",
            "leads_received",
            "joint_revenue_won",
            "partner_share_due",
            "valid_until",
          ],
          limit: 50,
          title: t("分成台账", "Revenue share ledger"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
        {
          id: "pending_leads",
          type: "table",
          form: "shared_lead",
          columns: ["customer_name", "alliance", "direction", "need", "owner"],
          filter: [where("_stage", "eq", "submitted")],
          limit: 100,
          title: t("待处理的共享线索", "Shared leads waiting"),
          layout: { x: 0, y: 10, w: 12, h: 4 },
        },
      ],
    },
  ];
}
