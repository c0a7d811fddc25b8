import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";
import { STAGE_OPTIONS } from "./lean-stages.js";

/** `waste_item` (浪费/改进提案): a PDCA improvement from report to standard work. */
export const wasteItemForm: Form = {
  id: "waste_item",
  name: t("浪费/改进提案", "Waste and improvement"),
  fields: [
    { id: "reported_by", type: "user", label: t("提出人", "Reported by"), required: true },
    {
      id: "waste_type",
      type: "select",
      label: t("浪费类型", "Waste type"),
      required: true,
      options: [
        option("waiting", "等待", "Waiting"),
        option("rework", "返工", "Rework"),
        option("extra_approval", "多余审批", "Extra approval"),
        option("duplicate_entry", "重复录入", "Duplicate entry"),
        option("handoff", "交接损耗", "Handoff"),
      ],
    },
    { id: "stage", type: "select", label: t("所在阶段", "Stage"), required: true, options: STAGE_OPTIONS },
    {
      id: "hours_per_month",
      type: "number",
      label: t("每月浪费工时", "Hours lost per month"),
      required: true,
      min: 0,
    },
    { id: "countermeasure", type: "textarea", label: t("改进对策", "Countermeasure") },
    {
      id: "verified_saving_hours",
      type: "number",
      label: t("验证节省工时/月", "Verified hours saved per month"),
      min: 0,
    },
  ],
  pipeline: {
    initial: "reported",
    stages: [
      { id: "reported", name: t("已提出", "Reported") },
      { id: "analysed", name: t("已分析", "Analysed") },
      { id: "trial", name: t("试行中", "Trial"), requires: ["countermeasure"] },
      {
        id: "standardised",
        name: t("已标准化", "Standardised"),
        terminal: "won",
        requires: ["verified_saving_hours"],
      },
      { id: "rejected", name: t("已否决", "Rejected"), terminal: "lost" },
    ],
  },
};
