import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The KPIs of TEMPLATES.md B23. */
export function crossDeptKpis(): Kpi[] {
  return [
    {
      id: "sla_attainment",
      name: t("部门按时响应率", "Answered on time"),
      form: "dept_request",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [where("answered_on_time", "eq", "yes")],
          groupField: "to_dept",
        },
        denominator: {
          measure: { type: "count" },
          filter: [where("answered_on_time", "is_set")],
          groupField: "to_dept",
        },
      },
      groupBy: ["to_dept"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.9 },
    },
    {
      id: "response_hours",
      name: t("平均响应时长", "Average response time"),
      form: "dept_request",
      measure: {
        type: "duration",
        from: { type: "created" },
        to: { type: "stage_entered", stage: "answered" },
        statistic: "avg",
        unit: "hours",
      },
      filter: [where("_stage", "eq", "answered")],
      groupBy: ["to_dept"],
      format: "number",
      better: "lower",
      goal: { type: "fixed", value: 48 },
    },
    {
      id: "handover_first_pass",
      name: t("交接一次通过率", "Handovers accepted first time"),
      form: "handover",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("return_count", "eq", 0)] },
        denominator: { measure: { type: "count" } },
      },
      filter: [where("_stage", "eq", "accepted")],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.9 },
    },
  ];
}
