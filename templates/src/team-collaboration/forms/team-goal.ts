import type { Form } from "@stagecraft/schemas";
import { v } from "../../shared/expressions.js";
import { t } from "../../shared/i18n.js";
import { TEAMS } from "../../shared/option-sets.js";

/** `team_goal` (团队目标): a team's monthly target shared out to its members. */
export const teamGoalForm: Form = {
  id: "team_goal",
  name: t("团队目标", "Team goal"),
  description: t(
    "团队月度目标分解到成员，成员合计须等于团队目标",
    "A team's monthly target split to members; the members must add up to it",
  ),
  fields: [
    { id: "team", type: "select", label: t("团队", "Team"), required: true, options: [...TEAMS] },
    { id: "month", type: "date", label: t("月份（首日）", "Month (first day)"), required: true },
    { id: "team_target", type: "money", label: t("团队目标", "Team target"), required: true, min: 0 },
    // Not in TEMPLATES.md: R3 tells the team lead, who is a person of this record.
    { id: "team_lead", type: "user", label: t("团队负责人", "Team lead") },
    {
      id: "members",
      type: "subform",
      label: t("成员目标", "Member targets"),
      fields: [
        { id: "member", type: "user", label: t("成员", "Member"), required: true },
        { id: "target", type: "money", label: t("个人目标", "Target"), required: true, min: 0 },
      ],
    },
    {
      id: "member_sum",
      type: "formula",
      label: t("成员目标合计", "Members' total"),
      resultType: "money",
      expression: { sum_of: [{ coalesce: [v("members"), []] }, v("target")] },
    },
  ],
};
