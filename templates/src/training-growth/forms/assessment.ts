import type { Form } from "@stagecraft/schemas";
import { agg, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";

/** `assessment` (考核): a scored exam, role play or call review against the course's pass score. */
export const assessmentForm: Form = {
  id: "assessment",
  name: t("考核", "Assessment"),
  fields: [
    { id: "learner", type: "user", label: t("学员", "Learner"), required: true },
    // Not in TEMPLATES.md: R2 reopens the course on this plan.
    {
      id: "learning_plan",
      type: "reference",
      label: t("成长计划", "Learning plan"),
      form: "learning_plan",
    },
    {
      id: "course",
      type: "reference",
      label: t("课程", "Course"),
      required: true,
      form: "course",
      displayField: "title",
    },
    {
      id: "kind",
      type: "select",
      label: t("考核方式", "Kind"),
      required: true,
      options: [
        option("exam", "笔试", "Exam"),
        option("role_play", "角色扮演", "Role play"),
        option("call_review", "录音复盘", "Call review"),
      ],
    },
    { id: "score", type: "number", label: t("得分", "Score"), required: true, min: 0, max: 100 },
    {
      id: "pass_score",
      type: "formula",
      label: t("及格分", "Pass score"),
      resultType: "number",
      expression: agg("course_pass_score"),
    },
    {
      id: "passed",
      type: "formula",
      label: t("是否通过", "Passed"),
      resultType: "boolean",
      expression: { and: [{ "!=": [v("pass_score"), null] }, { ">=": [v("score"), v("pass_score")] }] },
    },
    { id: "assessor", type: "user", label: t("考官", "Assessor"), required: true },
    { id: "feedback", type: "textarea", label: t("评语", "Feedback"), required: true },
  ],
  aggregates: [
    {
      id: "course_pass_score",
      type: "rollup",
      form: "course",
      measure: "max",
      field: "pass_score",
      filter: [where("_id", "eq", thisValue("course"))],
    },
  ],
};
