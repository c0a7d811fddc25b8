import type { Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, isSet, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { RAMP_DAYS } from "./forms/learning-plan.js";

/** Days a failed course is given again (R2). */
export const RETAKE_DAYS = 14;

/** R1–R3 of TEMPLATES.md B20 and C1. */
export function trainingRules(): Rule[] {
  return [
    {
      // One rule for every write on creation: two rules writing the same record would race.
      id: "r1_assign_mentor",
      name: t("R1 新成长计划：按团队分配导师", "R1 New learning plan: assign a mentor by team"),
      trigger: { type: "record.created", form: "learning_plan" },
      actions: [
        {
          // A template cannot know the workspace's users: the installer maps each team to a senior rep.
          type: "assign_owner",
          strategy: { type: "by_field", field: "team", map: [] },
        },
        // Actions are planned from the record as created: the owner is read by the next rule.
        { type: "set_field", field: "mentor_assigned", value: true },
        // The ramp window: 90 days from the start date unless given.
        {
          type: "set_field",
          field: "ramp_end",
          value: { coalesce: [v("ramp_end"), { add_days: [v("start_date"), RAMP_DAYS] }] },
        },
      ],
    },
    {
      id: "r1_mentor_notice",
      name: t("R1 写入导师并通知导师与学员", "R1 Record the mentor and tell mentor and learner"),
      trigger: { type: "field.changed", form: "learning_plan", fields: ["mentor_assigned"] },
      when: { "!": [isSet("mentor")] },
      actions: [
        { type: "set_field", field: "mentor", value: v("_owner") },
        {
          type: "notify",
          to: [{ type: "owner" }, { type: "field", field: "learner" }],
          title: t("新的成长计划：请制定带教安排", "A new learning plan: set up the mentoring"),
          body: t(
            "开始日期 {{start_date}}，爬坡目标 {{ramp_target}}。",
            "Starts {{start_date}}, ramp target {{ramp_target}}.",
          ),
        },
      ],
    },
    {
      id: "r2_failed_assessment",
      name: t("R2 考核未通过：课程重新开放 14 天", "R2 Failed assessment: reopen the course for 14 days"),
      trigger: { type: "record.created", form: "assessment" },
      when: all({ "!": [v("passed")] }, isSet("learning_plan")),
      actions: [
        {
          type: "update_records",
          form: "learning_plan",
          target: { type: "reference", field: "learning_plan" },
          set: { retake_course: v("course"), retake_due: { add_days: [today(), RETAKE_DAYS] } },
        },
      ],
    },
    {
      id: "r2_retake_notice",
      name: t("R2 通知导师与学员补考安排", "R2 Tell mentor and learner about the retake"),
      trigger: { type: "field.changed", form: "learning_plan", fields: ["retake_due"] },
      when: isSet("retake_due"),
      actions: [
        {
          type: "notify",
          to: [
            { type: "field", field: "mentor" },
            { type: "field", field: "learner" },
          ],
          title: t("考核未通过，请安排辅导与补考", "Assessment failed: coach and retake"),
          body: t("补考期限 {{retake_due}}。", "Retake due {{retake_due}}."),
        },
      ],
    },
    {
      // No per-record weekly schedule: a plan in training untouched for a week is checked instead.
      id: "r3_overdue_courses",
      name: t("R3 课程逾期提醒学员与导师", "R3 Overdue courses: remind learner and mentor"),
      trigger: { type: "record.idle", form: "learning_plan", days: 7, stage: "in_training" },
      when: {
        some: [
          v("courses"),
          all({ "!==": [v("done"), "yes"] }, { ">": [{ days_between: [v("due"), today()] }, 0] }),
        ],
      },
      actions: [
        {
          type: "notify",
          to: [
            { type: "field", field: "learner" },
            { type: "field", field: "mentor" },
          ],
          title: t("有课程已逾期", "A course is overdue"),
          body: t("课程完成率 {{completion}}。", "Completion {{completion}}."),
        },
      ],
    },
    ...activityStampRules("c1"),
  ];
}
