import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The lean board: time in stage against the benchmarks, flow efficiency, rework and savings. */
export function leanDashboards(): Dashboard[] {
  return [
    {
      id: "lean_board",
      name: t("精益看板", "Lean board"),
      period: "month",
      widgets: [
        { id: "stage_time", type: "number", kpi: "time_in_stage", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "efficiency", type: "number", kpi: "flow_efficiency", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "saved", type: "number", kpi: "hours_saved", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "time_by_stage",
          type: "bar",
          kpi: "time_in_stage",
          groupBy: "_stage",
          title: t("各阶段平均停留天数", "Average days by stage"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "benchmarks",
          type: "table",
          form: "stage_benchmark",
          title: t("阶段基准：目标与 P75", "Stage benchmarks: target and P75"),
          columns: ["stage", "value_adding", "target_days", "p75_days", "owner"],
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "rework",
          type: "table",
          form: "deal",
          title: t("返工与等待中的商机", "Deals with rework or waiting"),
          columns: ["deal_name", "_stage", "days_in_stage", "wait_reason", "rework_count", "owner"],
          filter: [where("_stage", "in", ["qualified", "proposal", "negotiation"])],
          limit: 50,
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "improvements",
          type: "funnel",
          form: "waste_item",
          title: t("改进提案进度（PDCA）", "Improvements by stage (PDCA)"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
