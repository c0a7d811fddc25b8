import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The automation board: lead-to-SQL, speed to first touch and replies by step. */
export function automatedSalesDashboards(): Dashboard[] {
  return [
    {
      id: "automation_board",
      name: t("自动化销售看板", "Sales automation board"),
      period: "month",
      widgets: [
        { id: "to_sql", type: "number", kpi: "lead_to_sql", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "first_touch", type: "number", kpi: "first_touch_minutes", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "replies", type: "number", kpi: "step_reply_rate", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "to_sql_by_source",
          type: "bar",
          kpi: "lead_to_sql",
          groupBy: "source",
          title: t("各来源线索转SQL率", "Lead-to-SQL by source"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "replies_by_step",
          type: "bar",
          kpi: "step_reply_rate",
          groupBy: "current_step",
          title: t("各步骤回复率", "Reply rate by step"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "lead_funnel",
          type: "funnel",
          form: "lead",
          title: t("线索漏斗", "Leads by stage"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "running",
          type: "table",
          form: "enrollment",
          columns: ["lead", "sequence_name", "current_step", "step_channel", "next_run_date"],
          filter: [where("state", "eq", "running")],
          limit: 100,
          title: t("执行中的序列", "Running enrolments"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
