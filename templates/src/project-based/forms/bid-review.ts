import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `bid_review` (投标评审): the go/no-go review R1 opens when a deal enters its review stage. */
export const bidReviewForm: Form = {
  id: "bid_review",
  name: t("投标评审", "Bid review"),
  titleField: "decision",
  fields: [
    {
      id: "deal",
      type: "reference",
      label: t("项目商机", "Deal"),
      required: true,
      form: "deal",
      displayField: "deal_name",
    },
    // Required to decide (the review is opened empty by R1).
    {
      id: "strategic_fit",
      type: "number",
      label: t("战略匹配度（1–5）", "Strategic fit (1–5)"),
      min: 1,
      max: 5,
      precision: 0,
    },
    { id: "win_probability", type: "percent", label: t("赢标概率", "Win probability"), min: 0, max: 1 },
    {
      id: "capacity_ok",
      type: "select",
      label: t("交付资源是否充足", "Capacity available"),
      options: [option("yes", "是", "Yes"), option("no", "否", "No")],
    },
    {
      id: "decision",
      type: "select",
      label: t("评审结论", "Decision"),
      options: [option("go", "投标", "Go"), option("no_go", "放弃", "No go")],
    },
    { id: "approver", type: "user", label: t("评审人", "Approver") },
    { id: "notes", type: "textarea", label: t("评审意见", "Notes") },
  ],
  pipeline: {
    initial: "open",
    stages: [
      { id: "open", name: t("评审中", "Open") },
      {
        id: "decided",
        name: t("已决策", "Decided"),
        terminal: "won",
        requires: ["strategic_fit", "win_probability", "capacity_ok", "decision", "approver"],
      },
    ],
  },
};
