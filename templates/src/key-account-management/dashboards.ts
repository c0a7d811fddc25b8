import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** One board: plan attainment per KAM, QBR completion, coverage, and the accounts in the red. */
export function keyAccountDashboards(): Dashboard[] {
  return [
    {
      id: "kam_board",
      name: t("关键客户看板", "Key account board"),
      period: "year",
      widgets: [
        { id: "attainment", type: "number", kpi: "plan_attainment", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "qbrs", type: "number", kpi: "qbr_completion", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "coverage", type: "number", kpi: "stakeholder_coverage", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "attainment_by_kam",
          type: "leaderboard",
          kpi: "plan_attainment",
          groupBy: "kam",
          title: t("KAM 计划达成排名", "Attainment by KAM"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "coverage_by_kam",
          type: "bar",
          kpi: "stakeholder_coverage",
          groupBy: "kam",
          title: t("KAM 决策人覆盖率", "Coverage by KAM"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "accounts_at_risk",
          type: "table",
          form: "key_account",
          columns: ["customer", "kam", "deputy", "exec_sponsor", "annual_revenue", "health"],
          filter: [where("health", "in", ["amber", "red"])],
          title: t("需关注的关键客户", "Accounts to watch"),
          layout: { x: 0, y: 6, w: 12, h: 4 },
        },
      ],
    },
  ];
}
