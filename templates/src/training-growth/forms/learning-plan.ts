import type { Expression, Form } from "@stagecraft/schemas";
import { agg, eq, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { TEAMS } from "../../shared/option-sets.js";

/** Days after the start date whose won deals count toward the ramp target. */
export const RAMP_DAYS = 90;

/** Share of course rows marked done (0 without rows). */
const COMPLETION: Expression = {
  if: [
    { ">": [{ count: [v("courses")] }, 0] },
    { div: [{ count_where: [v("courses"), eq(v("done"), "yes")] }, { count: [v("courses")] }] },
    0,
  ],
};

/** `learning_plan` (成长计划): a new rep's courses, mentor and ramp target; certification closes it. */
export const learningPlanForm: Form = {
  id: "learning_plan",
  name: t("成长计划", "Learning plan"),
  description: t(
    "新人的课程、导师（传帮带）与爬坡目标；课程全部完成才能进入考核，认证后解锁全额配额",
    "A new rep's courses, mentor and ramp target; all courses must be done before assessment; certification unlocks full quota",
  ),
  fields: [
    { id: "learner", type: "user", label: t("学员", "Learner"), required: true },
    // Not in TEMPLATES.md: R1 picks the mentor by the learner's team.
    { id: "team", type: "select", label: t("所属团队", "Team"), required: true, options: [...TEAMS] },
    {
      id: "mentor",
      type: "user",
      label: t("导师", "Mentor"),
      help: t("留空则按团队自动分配资深销售", "Left empty, a senior rep of the team is assigned"),
    },
    {
      id: "mentor_assigned",
      type: "boolean",
      label: t("已自动分配导师", "Mentor assigned by rule"),
      readOnlyWhen: true,
    },
    { id: "start_date", type: "date", label: t("入职/开始日期", "Start date"), required: true },
    {
      id: "courses",
      type: "subform",
      label: t("课程安排", "Courses"),
      fields: [
        {
          id: "course",
          type: "reference",
          label: t("课程", "Course"),
          required: true,
          form: "course",
          displayField: "title",
        },
        { id: "due", type: "date", label: t("完成期限", "Due"), required: true },
        {
          id: "done",
          type: "select",
          label: t("已完成", "Done"),
          default: "no",
          options: [option("yes", "是", "Yes"), option("no", "否", "No")],
        },
      ],
    },
    {
      id: "completion",
      type: "formula",
      label: t("课程完成率", "Completion"),
      resultType: "percent",
      precision: 4,
      expression: COMPLETION,
    },
    { id: "ramp_target", type: "money", label: t("爬坡目标（90 天）", "Ramp target (90 days)"), min: 0 },
    {
      // A stored date, not a formula: the ramp aggregate's filter reads it when the plan is saved,
      // before formulas are computed. R1 fills it from the start date.
      id: "ramp_end",
      type: "date",
      label: t("爬坡期截止", "Ramp period ends"),
      help: t("默认开始日期后 90 天", "Defaults to 90 days after the start date"),
    },
    {
      id: "ramp_actual",
      type: "formula",
      label: t("爬坡期赢单金额", "Won in the ramp period"),
      resultType: "money",
      expression: or0(agg("ramp_won")),
    },
    // Written by R2 when an assessment fails: the course to retake and its new due date.
    {
      id: "retake_course",
      type: "reference",
      label: t("待补考课程", "Course to retake"),
      form: "course",
      displayField: "title",
    },
    { id: "retake_due", type: "date", label: t("补考期限", "Retake due") },
    {
      id: "exit_reason",
      type: "select",
      label: t("退出原因", "Exit reason"),
      options: [
        option("resigned", "离职", "Resigned"),
        option("transferred", "转岗", "Transferred"),
        option("failed", "考核未通过", "Failed"),
      ],
    },
  ],
  aggregates: [
    {
      id: "ramp_won",
      type: "rollup",
      form: "deal",
      measure: "sum",
      field: "amount",
      filter: [
        where("owner", "eq", thisValue("learner")),
        where("_stage", "eq", "won"),
        where("_closed_at", "gte", thisValue("start_date")),
        where("_closed_at", "lte", thisValue("ramp_end")),
      ],
    },
  ],
  pipeline: {
    initial: "enrolled",
    stages: [
      { id: "enrolled", name: t("已报名", "Enrolled") },
      { id: "in_training", name: t("培训中", "In training"), requires: ["mentor", "courses"] },
      {
        id: "assessed",
        name: t("考核中", "Assessed"),
        guard: { ">=": [or0(v("completion")), 1] },
        guardMessage: t("全部课程完成后才能进入考核", "Every course must be done before assessment"),
      },
      { id: "certified", name: t("已认证", "Certified"), terminal: "won" },
      { id: "exited", name: t("已退出", "Exited"), terminal: "lost", requires: ["exit_reason"] },
    ],
  },
};
