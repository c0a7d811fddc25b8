import type { Form } from "@stagecraft/schemas";
import { coreFollowUpFields, FOLLOW_UP_DONE } from "../../shared/core-follow-up.js";
import { all, eq, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { describeForm } from "../rollout.js";

/** `follow_up` (跟进/回访) = core follow-up + satisfaction and repurchase intent of return visits. */
export const followUpForm: Form = {
  id: "follow_up",
  name: t("跟进/回访", "Follow-up"),
  description: describeForm(
    "P1",
    "客户跟进与回访记录；“计划中”的记录即待办任务",
    "Follow-ups and return visits; planned rows act as tasks",
  ),
  fields: [
    ...coreFollowUpFields(),
    // `satisfaction_score!(return_visit AND done)`: shown, and then required, for done return visits.
    {
      id: "satisfaction_score",
      type: "number",
      label: t("满意度（1–5）", "Satisfaction (1–5)"),
      required: true,
      min: 1,
      max: 5,
      precision: 0,
      visibleWhen: all(eq(v("follow_type"), "return_visit"), FOLLOW_UP_DONE),
    },
    {
      id: "repurchase_intent",
      type: "select",
      label: t("复购意向", "Repurchase intent"),
      options: [
        option("yes", "有", "Yes"),
        option("undecided", "未定", "Undecided"),
        option("no", "无", "No"),
      ],
    },
  ],
};
