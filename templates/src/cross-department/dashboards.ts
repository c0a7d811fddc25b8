import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The collaboration board: SLA by department, response time, handover quality, open requests. */
export function crossDeptDashboards(): Dashboard[] {
  return [
    {
      id: "collaboration_board",
      name: t("跨部门协同看板", "Cross-department board"),
      period: "month",
      widgets: [
        { id: "sla", type: "number", kpi: "sla_attainment", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "response", type: "number", kpi: "response_hours", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "first_pass", type: "number", kpi: "handover_first_pass", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "sla_by_dept",
          type: "bar",
          kpi: "sla_attainment",
          groupBy: "to_dept",
          title: t("各部门按时响应率", "On-time answers by department"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "response_by_dept",
          type: "bar",
          kpi: "response_hours",
          groupBy: "to_dept",
          title: t("各部门平均响应时长", "Response time by department"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "requests_by_stage",
          type: "funnel",
          form: "dept_request",
          title: t("需求单进度", "Requests by stage"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "open_requests",
          type: "table",
          form: "dept_request",
          title: t("待答复的需求", "Open requests"),
          columns: ["due_date", "deal", "to_dept", "request_type", "requester", "_stage"],
          filter: [where("_stage", "in", ["submitted", "accepted"])],
          limit: 50,
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
