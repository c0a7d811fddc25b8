import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";
import { TEAMS } from "../../shared/option-sets.js";
import { describeForm } from "../rollout.js";

/** `weekly_review` (周复盘): last week's target, actual and ranking, issues and actions. */
export const weeklyReviewForm: Form = {
  id: "weekly_review",
  name: t("周复盘", "Weekly review"),
  description: describeForm(
    "P3",
    "每周复盘目标达成、问题与调整，并跟踪行动项",
    "A weekly look at target versus actual, issues and adjustments, with tracked actions",
  ),
  fields: [
    { id: "week_start", type: "date", label: t("周开始日期", "Week start"), required: true },
    { id: "team", type: "select", label: t("团队", "Team"), required: true, options: [...TEAMS] },
    { id: "host", type: "user", label: t("主持人", "Host"), required: true },
    { id: "week_target", type: "money", label: t("本周目标", "Week target"), min: 0 },
    { id: "week_actual", type: "money", label: t("本周实际", "Week actual"), min: 0 },
    {
      id: "ranking",
      type: "subform",
      label: t("业绩排名", "Ranking"),
      help: t("参照“周排行榜”看板填写", "Filled from the weekly-leaderboard dashboard"),
      fields: [
        { id: "rep", type: "user", label: t("销售", "Rep") },
        { id: "amount", type: "money", label: t("业绩", "Amount") },
        { id: "achievement", type: "percent", label: t("达成率", "Achievement") },
        { id: "rank", type: "number", label: t("排名", "Rank"), min: 1, precision: 0 },
      ],
    },
    { id: "issues", type: "textarea", label: t("问题", "Issues") },
    { id: "adjustments", type: "textarea", label: t("调整措施", "Adjustments") },
    {
      id: "actions",
      type: "subform",
      label: t("行动项", "Actions"),
      fields: [
        { id: "item", type: "text", label: t("事项", "Item"), required: true },
        { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
        { id: "due", type: "date", label: t("截止日期", "Due"), required: true },
        {
          id: "done",
          type: "select",
          label: t("已完成", "Done"),
          options: [option("yes", "是", "Yes"), option("no", "否", "No")],
        },
      ],
    },
  ],
  pipeline: {
    initial: "scheduled",
    stages: [
      { id: "scheduled", name: t("待召开", "Scheduled") },
      { id: "held", name: t("已召开", "Held"), requires: ["issues", "adjustments"] },
      { id: "closed", name: t("已关闭", "Closed"), terminal: "won" },
    ],
  },
};
