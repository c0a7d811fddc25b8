import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The experience board: NPS and CSAT by touchpoint, SLA attainment, complaints by stage and open ones. */
export function experienceDashboards(): Dashboard[] {
  return [
    {
      id: "experience_board",
      name: t("客户体验看板", "Customer experience board"),
      period: "month",
      widgets: [
        { id: "nps_now", type: "number", kpi: "nps", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "csat_now", type: "number", kpi: "csat", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "sla_now", type: "number", kpi: "sla_resolution", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "nps_by_touchpoint",
          type: "bar",
          kpi: "nps",
          groupBy: "touchpoint",
          title: t("各触点 NPS", "NPS by touchpoint"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "csat_by_month",
          type: "line",
          kpi: "csat",
          period: "month",
          title: t("满意度趋势", "CSAT by month"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "complaints_by_stage",
          type: "funnel",
          form: "complaint",
          title: t("投诉处理进度", "Complaints by stage"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "open_complaints",
          type: "table",
          form: "complaint",
          title: t("处理中的投诉", "Open complaints"),
          columns: ["sla_due", "customer", "category", "severity", "owner", "_stage"],
          filter: [where("_stage", "in", ["received", "investigating"])],
          limit: 50,
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
