import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** lead_to_sql, first_touch_minutes and step_reply_rate (TEMPLATES.md B14). */
export function automatedSalesKpis(): Kpi[] {
  return [
    {
      id: "lead_to_sql",
      name: t("线索转SQL率", "Lead-to-SQL rate"),
      form: "lead",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("_stage", "in", ["sql", "converted"])] },
        denominator: { measure: { type: "count" } },
      },
      periodField: "_created_at",
      groupBy: ["source", "region"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.15 },
    },
    {
      // The engine measures durations in hours or days: the catalogue's minutes are shown in hours.
      id: "first_touch_minutes",
      name: t("首次触达时长（小时）", "Time to first touch (hours)"),
      form: "enrollment",
      measure: {
        type: "duration",
        from: { type: "created" },
        to: { type: "field", field: "first_touch_at" },
        statistic: "avg",
        unit: "hours",
      },
      filter: [where("first_touch_at", "is_set")],
      periodField: "_created_at",
      groupBy: ["audience"],
      format: "number",
      better: "lower",
      goal: { type: "fixed", value: 1 },
    },
    {
      // Enrolments stopped by a reply ÷ all enrolments, by the step they had reached.
      id: "step_reply_rate",
      name: t("序列步骤回复率", "Reply rate by step"),
      form: "enrollment",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("stop_reason", "eq", "replied")] },
        denominator: { measure: { type: "count" } },
      },
      periodField: "_created_at",
      groupBy: ["current_step", "audience"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.1 },
    },
  ];
}
