import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The sprint board: achievement, adoption, cycle by sprint, the deal flow and running experiments. */
export function agileSalesDashboards(): Dashboard[] {
  return [
    {
      id: "sprint_board",
      name: t("冲刺看板", "Sprint board"),
      period: "quarter",
      widgets: [
        { id: "achievement", type: "number", kpi: "sprint_achievement", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "adoption", type: "number", kpi: "experiment_adoption", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "cycle", type: "number", kpi: "cycle_days", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "cycle_by_sprint",
          type: "bar",
          kpi: "cycle_days",
          groupBy: "sprint",
          title: t("各冲刺成交周期", "Cycle days by sprint"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "adoption_by_tactic",
          type: "bar",
          kpi: "experiment_adoption",
          groupBy: "tactic",
          title: t("各打法采纳率", "Adoption by tactic"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "deal_flow",
          type: "funnel",
          form: "deal",
          title: t("商机流转", "Deal flow"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "running_experiments",
          type: "table",
          form: "experiment",
          title: t("进行中的实验", "Running experiments"),
          columns: ["hypothesis", "tactic", "owner", "sprint"],
          filter: [where("_stage", "eq", "running")],
          limit: 50,
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
