import type { Expression, Rule, Trigger } from "@stagecraft/schemas";
import { all, eq, or0, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { MQL_SCORE } from "./forms/lead.js";

const RUNNING: Expression = eq(v("state"), "running");
const MESSAGE_CHANNEL: Expression = { in: [v("step_channel"), ["email", "sms", "wechat"]] };
const STEP_FIRED: Trigger = { type: "field.changed", form: "enrollment", fields: ["fired_step"] };
const ENROLMENTS_OF_LEAD = { type: "referencing", field: "lead" } as const;
/** The run date of the current step: its day offset from the enrolment date. */
const STEP_DATE: Expression = { add_days: [v("start_date"), or0(v("step_day_offset"))] };

/** R1: route the new lead, enrol it in its source's sequence and start nurturing. */
function routingRules(): Rule[] {
  return [
    {
      id: "r1_route_and_enrol",
      name: t("R1 新线索：分配、加入培育序列", "R1 New lead: route it and enrol it in a sequence"),
      trigger: { type: "record.created", form: "lead" },
      actions: [
        // The installer maps each region to a rep or a round-robin pool (a template knows no people).
        { type: "assign_owner", strategy: { type: "by_field", field: "region", map: [] } },
        { type: "move_stage", to: "nurturing" },
        // Actions are planned from the record as it was: after a zero wait, from its new owner.
        { type: "wait", minutes: 0 },
        { type: "set_field", field: "owner", value: v("_owner") },
        {
          type: "create_record",
          form: "enrollment",
          data: {
            lead: v("_id"),
            owner: v("_owner"),
            audience: v("source"),
            start_date: { today: [] },
            current_step: 1,
            state: "running",
          },
        },
      ],
    },
  ];
}

/** R2: each step runs on its day (a message webhook or a call task), then the next is scheduled. */
function sequenceRules(): Rule[] {
  return [
    {
      id: "r2_schedule_first_step",
      name: t("R2 安排第一步", "R2 Schedule the first step"),
      trigger: { type: "record.created", form: "enrollment" },
      when: RUNNING,
      actions: [{ type: "set_field", field: "next_run_date", value: STEP_DATE }],
    },
    {
      // A step due today (or overdue) runs at once; later ones wait for their date below.
      id: "r2_step_due_now",
      name: t("R2 到期步骤立即执行", "R2 Run a step that is due"),
      trigger: { type: "field.changed", form: "enrollment", fields: ["next_run_date"] },
      when: all(
        RUNNING,
        { "!!": [v("next_run_date")] },
        { "<=": [{ days_since: [v("next_run_date")] }, 0] },
        {
          ">=": [{ days_since: [v("next_run_date")] }, 0],
        },
      ),
      actions: [{ type: "set_field", field: "fired_step", value: v("current_step") }],
    },
    {
      id: "r2_step_due_on_date",
      name: t("R2 步骤到期日 9:00 执行", "R2 Run a step at 09:00 on its day"),
      trigger: { type: "date.offset", form: "enrollment", field: "next_run_date", days: 0, at: "09:00" },
      when: RUNNING,
      actions: [{ type: "set_field", field: "fired_step", value: v("current_step") }],
    },
    {
      // Disabled until the installer sets the messaging service's address.
      id: "r2_send_message",
      name: t("R2 发送序列消息", "R2 Send the step's message"),
      enabled: false,
      trigger: STEP_FIRED,
      when: all(RUNNING, MESSAGE_CHANNEL),
      actions: [
        {
          type: "webhook",
          url: "https://messaging.example.com/hooks/sequence-step",
          method: "POST",
          body: { merge: [v("lead"), v("step_channel"), v("step_template"), v("current_step")] },
        },
      ],
    },
    {
      id: "r2_call_task",
      name: t("R2 电话步骤：通知负责人致电", "R2 Call step: ask the owner to call"),
      trigger: STEP_FIRED,
      when: all(RUNNING, eq(v("step_channel"), "call_task")),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("序列电话任务", "Sequence call task"),
          body: t(
            "第 {{current_step}} 步：按话术 {{step_template}} 致电",
            "Step {{current_step}}: call with script {{step_template}}",
          ),
        },
      ],
    },
    {
      id: "r2_advance",
      name: t("R2 执行后前进到下一步", "R2 Advance to the next step"),
      trigger: STEP_FIRED,
      when: RUNNING,
      actions: [
        // The first step's run is the lead's first touch (kept once set).
        {
          type: "set_field",
          field: "first_touch_at",
          value: { coalesce: [v("first_touch_at"), v("_updated_at")] },
        },
        { type: "set_field", field: "current_step", value: { "+": [or0(v("current_step")), 1] } },
      ],
    },
    {
      id: "r2_schedule_next",
      name: t("R2 安排下一步或完成序列", "R2 Schedule the next step, or complete"),
      trigger: { type: "field.changed", form: "enrollment", fields: ["current_step"] },
      when: RUNNING,
      actions: [
        {
          type: "set_field",
          field: "state",
          value: { if: [{ ">": [v("current_step"), or0(v("step_count"))] }, "completed", "running"] },
        },
        {
          type: "set_field",
          field: "next_run_date",
          value: { if: [{ ">": [v("current_step"), or0(v("step_count"))] }, null, STEP_DATE] },
        },
      ],
    },
  ];
}

/** R3: a score of 60 makes the lead an MQL and stops its sequence; opting out stops it too. */
function scoringRules(): Rule[] {
  return [
    {
      id: "r3_score_to_mql",
      name: t("R3 评分达到 60：转 MQL 并通知负责人", "R3 Score reaches 60: MQL, tell the owner"),
      trigger: { type: "field.changed", form: "lead", fields: ["lead_score"] },
      when: all({ ">=": [or0(v("lead_score")), MQL_SCORE] }, { in: [v("_stage"), ["new", "nurturing"]] }),
      actions: [
        { type: "move_stage", to: "mql" },
        {
          type: "update_records",
          form: "enrollment",
          target: ENROLMENTS_OF_LEAD,
          set: { state: "stopped", stop_reason: "qualified" },
        },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("线索评分达标，已转为 MQL", "Lead scored 60+: now an MQL"),
          body: t(
            "{{contact_name}}（{{company}}）评分 {{lead_score}}",
            "{{contact_name}} ({{company}}) scored {{lead_score}}",
          ),
        },
      ],
    },
    {
      id: "r3_stop_on_signal",
      name: t("R3 回复、约会或退订即停止序列", "R3 A reply, meeting or opt-out stops the sequence"),
      trigger: { type: "field.changed", form: "lead", fields: ["unsubscribed", "replied", "meeting_booked"] },
      when: {
        or: [eq(v("unsubscribed"), "yes"), eq(v("replied"), "yes"), eq(v("meeting_booked"), "yes")],
      },
      actions: [
        {
          type: "update_records",
          form: "enrollment",
          target: ENROLMENTS_OF_LEAD,
          set: {
            state: "stopped",
            // Opting out wins over a reply: it must never be overwritten by a later signal.
            stop_reason: {
              if: [
                eq(v("unsubscribed"), "yes"),
                "unsubscribed",
                eq(v("meeting_booked"), "yes"),
                "meeting_booked",
                "replied",
              ],
            },
          },
        },
      ],
    },
  ];
}

/** R1–R3 of TEMPLATES.md B14. */
export function automatedSalesRules(): Rule[] {
  return [...routingRules(), ...sequenceRules(), ...scoringRules()];
}
