import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `recognition` (荣誉激励): awards; R3 drafts one when a rep passes quota, the manager grants it. */
export const recognitionForm: Form = {
  id: "recognition",
  name: t("荣誉激励", "Recognition"),
  fields: [
    { id: "rep", type: "user", label: t("获奖人", "Rep"), required: true },
    {
      id: "award",
      type: "select",
      label: t("奖项", "Award"),
      required: true,
      options: [
        option("monthly_star", "月度之星", "Star of the month"),
        option("deal_of_week", "周最佳订单", "Deal of the week"),
        option("team_pk", "团队 PK 胜出", "Team contest winner"),
        option("promotion", "晋升", "Promotion"),
      ],
    },
    { id: "reason", type: "textarea", label: t("获奖理由", "Reason"), required: true },
    { id: "award_date", type: "date", label: t("颁奖日期", "Award date"), required: true },
    { id: "reward", type: "money", label: t("奖金", "Reward"), min: 0 },
  ],
  pipeline: {
    initial: "draft",
    stages: [
      { id: "draft", name: t("草稿", "Draft") },
      { id: "granted", name: t("已颁发", "Granted"), terminal: "won", requires: ["reward"] },
      { id: "declined", name: t("未采纳", "Declined"), terminal: "lost" },
    ],
  },
};
