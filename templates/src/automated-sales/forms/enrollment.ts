import type { Expression, Form } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { LEAD_SOURCES } from "../../shared/option-sets.js";

/** The steps of the sequence in force for this enrolment's audience ([] when none). */
const STEPS: Expression = {
  coalesce: [{ reduce: [[agg("sequence_in_force")], { var: "current.steps" }, null] }, []],
};

/**
 * A column of the current step (1-based `current_step`). Row expressions see only their row, so a
 * reduce carries [wanted index, index, value] through the steps.
 */
function stepValue(column: string): Expression {
  const step: Expression = {
    merge: [
      { var: "accumulator.0" },
      { "+": [{ var: "accumulator.1" }, 1] },
      {
        if: [
          { "===": [{ "+": [{ var: "accumulator.1" }, 1] }, { var: "accumulator.0" }] },
          { var: `current.${column}` },
          { var: "accumulator.2" },
        ],
      },
    ],
  };
  const triple: Expression = { reduce: [STEPS, step, { merge: [or0(v("current_step")), 0, null] }] };
  return { reduce: [[triple], { var: "current.2" }, null] };
}

/** `enrollment` (序列执行): one lead running through the sequence of its source. */
export const enrollmentForm: Form = {
  id: "enrollment",
  name: t("序列执行", "Enrolment"),
  description: t(
    "线索在培育序列中的进度：当前步骤、下次执行日期与状态",
    "A lead's progress through its sequence: current step, next run date and state",
  ),
  fields: [
    {
      id: "lead",
      type: "reference",
      label: t("线索", "Lead"),
      required: true,
      form: "lead",
      displayField: "contact_name",
    },
    { id: "owner", type: "user", label: t("负责人", "Owner") },
    {
      id: "audience",
      type: "select",
      label: t("来源（匹配序列）", "Audience"),
      required: true,
      options: [...LEAD_SOURCES],
    },
    {
      // Rules cannot look a record up by its fields: the enrolment reads the sequence in force
      // for its audience instead (`sequence_name`, steps); this link is filled in by hand.
      id: "sequence",
      type: "reference",
      label: t("跟进序列", "Sequence"),
      form: "sequence",
      displayField: "name",
    },
    {
      id: "sequence_name",
      type: "formula",
      label: t("执行的序列", "Sequence in force"),
      resultType: "text",
      expression: { reduce: [[agg("sequence_in_force")], { var: "current.name" }, null] },
    },
    { id: "start_date", type: "date", label: t("入序列日期", "Enrolled on"), required: true },
    {
      id: "current_step",
      type: "number",
      label: t("当前步骤", "Current step"),
      required: true,
      min: 1,
      precision: 0,
    },
    {
      id: "step_count",
      type: "formula",
      label: t("步骤总数", "Steps"),
      resultType: "number",
      precision: 0,
      expression: { count: [STEPS] },
    },
    {
      id: "step_day_offset",
      type: "formula",
      label: t("当前步骤：第几天", "Step day"),
      resultType: "number",
      expression: stepValue("day_offset"),
    },
    {
      id: "step_channel",
      type: "formula",
      label: t("当前步骤：渠道", "Step channel"),
      resultType: "text",
      expression: stepValue("channel"),
    },
    {
      id: "step_template",
      type: "formula",
      label: t("当前步骤：模板", "Step template"),
      resultType: "text",
      expression: stepValue("template_code"),
    },
    { id: "next_run_date", type: "date", label: t("下次执行日期", "Next run on") },
    { id: "fired_step", type: "number", label: t("已触发步骤", "Step fired"), precision: 0 },
    { id: "first_touch_at", type: "datetime", label: t("首次触达时间", "First touch at") },
    {
      id: "state",
      type: "select",
      label: t("状态", "State"),
      required: true,
      options: [
        option("running", "执行中", "Running"),
        option("completed", "已完成", "Completed"),
        option("stopped", "已停止", "Stopped"),
      ],
    },
    {
      id: "stop_reason",
      type: "select",
      label: t("停止原因", "Stop reason"),
      options: [
        option("replied", "客户回复", "Replied"),
        option("meeting_booked", "已约会议", "Meeting booked"),
        option("unsubscribed", "退订", "Unsubscribed"),
        option("qualified", "评分达标转 MQL", "Qualified (MQL)"),
      ],
    },
  ],
  aggregates: [
    {
      id: "sequence_in_force",
      type: "active",
      form: "sequence",
      from: "effective_from",
      to: "effective_to",
      filter: [where("audience", "eq", thisValue("audience")), where("active", "eq", "yes")],
    },
  ],
};
