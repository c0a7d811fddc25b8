import type { Expression, Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, eq, isSet, or0, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

const TRACKING = eq(v("_stage"), "tracking");
const REACHED: Expression = { ">=": [or0(v("achieved")), v("base_target")] };
/** The day after a period ends, at 09:00. */
const PERIOD_ENDED = {
  type: "date.offset",
  form: "target",
  field: "period_end",
  days: 1,
  at: "09:00",
} as const;

/** R1 (won deals add to the target), R2 (weekly pace), R3 (close and review the period), C1. */
export function goalOrientedRules(): Rule[] {
  return [
    {
      id: "r1_won_adds_to_target",
      name: t("R1 赢单：累加到目标的实际完成", "R1 Won: add the amount to the target's actual"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      when: isSet("target"),
      actions: [
        {
          type: "update_records",
          form: "target",
          target: { type: "reference", field: "target" },
          increment: { actual: or0(v("amount")) },
          // Reopening a won deal takes its amount back off.
          reverseOnLeave: true,
        },
      ],
    },
    {
      // Writing the date makes pace be computed again at today's share of the period.
      id: "r2_weekly_pace_check",
      name: t("R2 每周检查目标进度", "R2 Check each target's pace weekly"),
      trigger: { type: "date.offset", form: "target", field: "next_pace_check", days: 0, at: "09:00" },
      when: TRACKING,
      actions: [{ type: "set_field", field: "pace_checked_on", value: today() }],
    },
    {
      id: "r2_pace_alert",
      name: t("R2 进度指数低于 0.8：提醒负责人和上级", "R2 Pace below 0.8: tell the assignee and manager"),
      trigger: { type: "field.changed", form: "target", fields: ["pace_checked_on"] },
      when: all(TRACKING, { "<": [v("pace"), 0.8] }),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "assignee" }, { type: "manager" }],
          title: t("目标进度落后", "Target behind pace"),
          body: t(
            "进度指数 {{pace}}：已完成 {{achieved}}，基础目标 {{base_target}}。",
            "Pace {{pace}}: {{achieved}} achieved of a {{base_target}} base target.",
          ),
        },
      ],
    },
    {
      id: "r3_close_achieved",
      name: t("R3 周期结束：达成", "R3 Period ended: achieved"),
      trigger: PERIOD_ENDED,
      when: all(TRACKING, REACHED),
      actions: [{ type: "move_stage", to: "achieved" }],
    },
    {
      id: "r3_close_missed",
      name: t("R3 周期结束：未达成", "R3 Period ended: missed"),
      trigger: PERIOD_ENDED,
      when: all(TRACKING, { "!": REACHED }),
      actions: [{ type: "move_stage", to: "missed" }],
    },
    {
      id: "r3_review",
      name: t("R3 周期结束：生成目标复盘", "R3 Period ended: create the goal review"),
      trigger: PERIOD_ENDED,
      when: { in: [v("_stage"), ["tracking", "achieved", "missed"]] },
      actions: [
        {
          type: "create_record",
          form: "goal_review",
          data: { target: v("_id"), review_date: { add_days: [today(), 3] }, status: "planned" },
        },
        {
          type: "notify",
          to: [{ type: "field", field: "assignee" }, { type: "owner" }],
          title: t("周期结束：请完成目标复盘", "Period ended: complete the goal review"),
          body: t(
            "完成 {{achieved}}，基础目标 {{base_target}}。",
            "{{achieved}} achieved of {{base_target}}.",
          ),
        },
      ],
    },
    ...activityStampRules("c1"),
  ];
}
