import type { Form } from "@stagecraft/schemas";
import { t } from "../../shared/i18n.js";

/** `qbr` (季度业务回顾): the quarterly business review R1 schedules; holding it needs its outcome. */
export const qbrForm: Form = {
  id: "qbr",
  name: t("季度业务回顾", "Quarterly business review"),
  titleField: "quarter",
  fields: [
    {
      id: "key_account",
      type: "reference",
      label: t("关键客户", "Key account"),
      required: true,
      form: "key_account",
      displayField: "customer",
    },
    {
      id: "quarter",
      type: "text",
      label: t("季度", "Quarter"),
      required: true,
      maxLength: 10,
      placeholder: t("2026-Q4", "2026-Q4"),
    },
    { id: "meeting_date", type: "date", label: t("会议日期", "Meeting date"), required: true },
    // Required to hold the review (R1 opens it before the meeting).
    { id: "value_delivered", type: "textarea", label: t("交付价值", "Value delivered") },
    {
      id: "satisfaction",
      type: "number",
      label: t("客户满意度（1–10）", "Satisfaction (1–10)"),
      min: 1,
      max: 10,
      precision: 0,
    },
    {
      id: "next_actions",
      type: "subform",
      label: t("后续行动", "Next actions"),
      fields: [
        { id: "action", type: "text", label: t("行动", "Action"), required: true },
        { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
        { id: "due", type: "date", label: t("截止日期", "Due"), required: true },
      ],
    },
  ],
  pipeline: {
    initial: "scheduled",
    stages: [
      { id: "scheduled", name: t("已安排", "Scheduled") },
      {
        id: "held",
        name: t("已召开", "Held"),
        terminal: "won",
        requires: ["value_delivered", "next_actions"],
      },
      { id: "cancelled", name: t("已取消", "Cancelled"), terminal: "lost" },
    ],
  },
};
