import type { Expression, Rule, Trigger } from "@stagecraft/schemas";
import { all, atTime, eq, or0, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { oneOf, UNANSWERED } from "./forms/options.js";
import { NOT_DND } from "./forms/prospect.js";

/** Attempts after which an unanswered prospect is given up (R2's parameter). */
export const MAX_ATTEMPTS = 3;
const CALL_LOGGED: Trigger = { type: "record.created", form: "call_log" };
const TO_PROSPECT = {
  type: "update_records",
  form: "prospect",
  target: { type: "reference", field: "prospect" },
} as const;
const OPEN: Expression = oneOf("_stage", ["to_call", "contacted", "interested", "appointment"]);

/** The last call's hour in China Standard Time (datetimes are stored in UTC). */
const LOCAL_HOUR: Expression = { "%": [{ "+": [{ substr: [v("last_call_at"), 11, 2] }, 8] }, 24] };
/** The next day, in the other half of the day: morning calls retry at 15:00, afternoon ones at 10:00. */
const RETRY_AT: Expression = {
  if: [
    { "<": [LOCAL_HOUR, 12] },
    atTime({ add_days: [v("last_call_at"), 1] }, "15:00"),
    atTime({ add_days: [v("last_call_at"), 1] }, "10:00"),
  ],
};

const CALL_STAMPED: Trigger = { type: "field.changed", form: "prospect", fields: ["last_call_at"] };
const UNANSWERED_CALL: Expression = oneOf("last_outcome", UNANSWERED);

/**
 * Each call writes its prospect once (stamp_prospect); R2, R3 and the first-connect move then run
 * on the prospect with mutually exclusive conditions, so no two rules write one record at once.
 */
function stampRules(): Rule[] {
  return [
    {
      id: "stamp_prospect",
      name: t("通话记录更新外呼对象", "A call updates its prospect"),
      trigger: CALL_LOGGED,
      actions: [
        {
          ...TO_PROSPECT,
          // A call answers any earlier callback: only a new callback outcome keeps one scheduled.
          set: {
            last_call_at: v("started_at"),
            last_outcome: v("outcome"),
            next_callback_at: { if: [eq(v("outcome"), "callback"), v("callback_at"), null] },
          },
        },
      ],
    },
    {
      id: "first_connect",
      name: t("首次接通转为已接通", "First connected call: contacted"),
      trigger: CALL_STAMPED,
      when: all(eq(v("_stage"), "to_call"), { "!": [oneOf("last_outcome", [...UNANSWERED, "do_not_call"])] }),
      actions: [{ type: "move_stage", to: "contacted" }],
    },
  ];
}

/** R1 (callback), R2 (retry, then unreachable), R3 (do not call). */
export function telesalesRules(): Rule[] {
  return [
    ...stampRules(),
    {
      // The callback time itself is written by stamp_prospect (next_callback_at).
      id: "r1_callback",
      name: t("R1 约定回拨：通知坐席", "R1 Callback: tell the agent"),
      trigger: CALL_LOGGED,
      when: eq(v("outcome"), "callback"),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "agent" }],
          title: t("已约定回拨", "Callback scheduled"),
          body: t("回拨时间：{{callback_at}}", "Call back at {{callback_at}}"),
        },
      ],
    },
    {
      // Date triggers fire at a fixed time of day: the agent is reminded on the morning of the
      // callback day instead of 10 minutes before.
      id: "r1_callback_reminder",
      name: t("R1 回拨当天早上提醒坐席", "R1 Remind the agent on the callback day"),
      trigger: { type: "date.offset", form: "prospect", field: "next_callback_at", days: 0, at: "08:30" },
      when: all(NOT_DND, OPEN),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "agent" }],
          title: t("今天有约定回拨", "Callback due today"),
          body: t(
            "{{name}}（{{phone}}），回拨时间 {{next_callback_at}}",
            "{{name}} ({{phone}}) at {{next_callback_at}}",
          ),
        },
      ],
    },
    {
      id: "r2_retry",
      name: t("R2 未接通：次日换时段重拨", "R2 Unanswered: retry the next day in another slot"),
      trigger: CALL_STAMPED,
      when: all(UNANSWERED_CALL, { "<": [or0(v("attempts")), MAX_ATTEMPTS] }, NOT_DND, OPEN),
      actions: [{ type: "set_field", field: "retry_at", value: RETRY_AT }],
    },
    {
      id: "r2_unreachable",
      name: t("R2 3 次未接通转为无法接通", "R2 Three unanswered calls: unreachable"),
      trigger: CALL_STAMPED,
      when: all(UNANSWERED_CALL, { ">=": [or0(v("attempts")), MAX_ATTEMPTS] }, NOT_DND, OPEN),
      actions: [
        { type: "set_field", field: "retry_at", value: null },
        { type: "move_stage", to: "unreachable" },
      ],
    },
    {
      id: "r3_do_not_call",
      name: t("R3 客户要求勿扰：标记勿扰", "R3 Do not call: flag the number"),
      trigger: CALL_STAMPED,
      when: eq(v("last_outcome"), "do_not_call"),
      actions: [
        { type: "set_field", field: "dnd", value: "yes" },
        { type: "set_field", field: "retry_at", value: null },
      ],
    },
    {
      id: "r3_leave_call_lists",
      name: t("R3 勿扰号码转为无意向并退出外呼", "R3 Do-not-call numbers close as not interested"),
      trigger: { type: "field.changed", form: "prospect", fields: ["dnd"] },
      when: all(eq(v("dnd"), "yes"), OPEN),
      actions: [{ type: "move_stage", to: "not_interested" }],
    },
  ];
}
