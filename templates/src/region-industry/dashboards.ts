import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** One board: attainment, penetration and win rate per territory, conflicts to settle. */
export function regionIndustryDashboards(): Dashboard[] {
  return [
    {
      id: "territory_board",
      name: t("区域/行业看板", "Territory board"),
      period: "year",
      widgets: [
        { id: "attainment", type: "number", kpi: "quota_attainment", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "penetration_all", type: "number", kpi: "penetration", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "win", type: "number", kpi: "win_rate", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "attainment_ranking",
          type: "leaderboard",
          kpi: "quota_attainment",
          groupBy: "territory",
          title: t("单元达成率排名", "Attainment by territory"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "penetration_by_territory",
          type: "bar",
          kpi: "penetration",
          groupBy: "territory",
          title: t("单元市场渗透率", "Penetration by territory"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "win_by_industry",
          type: "bar",
          kpi: "win_rate",
          groupBy: "industry",
          title: t("分行业赢单率", "Win rate by industry"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "conflicts",
          type: "table",
          form: "customer",
          columns: ["customer_name", "province", "territory", "matched_territory", "open_deal_count"],
          filter: [where("conflict", "eq", "flagged")],
          title: t("待裁定的归属冲突", "Conflicts to settle"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
