import type { Form } from "@stagecraft/schemas";
import { v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

/** The touchpoints a survey is sent after. */
export const TOUCHPOINTS = [
  option("first_contact", "首次接触", "First contact"),
  option("demo", "方案演示", "Demo"),
  option("contract", "签约", "Contract"),
  option("delivery", "交付", "Delivery"),
  option("after_sales", "售后服务", "After-sales"),
];

/** `survey` (满意度调研): NPS and CSAT at a touchpoint; a detractor opens a complaint (R2). */
export const surveyForm: Form = {
  id: "survey",
  name: t("满意度调研", "Satisfaction survey"),
  fields: [
    {
      id: "customer",
      type: "reference",
      label: t("客户", "Customer"),
      required: true,
      form: "customer",
      displayField: "customer_name",
    },
    // Not in TEMPLATES.md: the account owner R2 notifies and gives the complaint to.
    { id: "owner", type: "user", label: t("客户负责人", "Account owner"), required: true },
    {
      id: "touchpoint",
      type: "select",
      label: t("触点", "Touchpoint"),
      required: true,
      options: TOUCHPOINTS,
    },
    { id: "sent_at", type: "datetime", label: t("发送时间", "Sent at"), required: true },
    {
      id: "nps",
      type: "number",
      label: t("推荐意愿（0–10）", "Likelihood to recommend (0–10)"),
      min: 0,
      max: 10,
      precision: 0,
    },
    {
      id: "csat",
      type: "number",
      label: t("满意度（1–5）", "Satisfaction (1–5)"),
      min: 1,
      max: 5,
      precision: 0,
    },
    { id: "comment", type: "textarea", label: t("客户意见", "Comment") },
    {
      // +100 promoter, 0 passive, −100 detractor: the average is the NPS.
      id: "nps_points",
      type: "formula",
      label: t("NPS 计分", "NPS points"),
      resultType: "number",
      precision: 0,
      expression: {
        if: [
          { "==": [v("nps"), null] },
          null,
          { ">=": [v("nps"), 9] },
          100,
          { "<=": [v("nps"), 6] },
          -100,
          0,
        ],
      },
    },
  ],
};
