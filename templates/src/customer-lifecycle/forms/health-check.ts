import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `health_check` (健康回访): the CSM's periodic check of satisfaction, risks and expansion signals. */
export const healthCheckForm: Form = {
  id: "health_check",
  name: t("健康回访", "Health check"),
  titleField: "check_date",
  fields: [
    {
      id: "customer",
      type: "reference",
      label: t("客户", "Customer"),
      required: true,
      form: "customer",
      displayField: "customer_name",
    },
    { id: "csm", type: "user", label: t("客户成功经理", "CSM"), required: true },
    { id: "check_date", type: "date", label: t("回访日期", "Check date"), required: true },
    {
      id: "satisfaction",
      type: "number",
      label: t("满意度（1–10）", "Satisfaction (1–10)"),
      required: true,
      min: 1,
      max: 10,
      precision: 0,
    },
    {
      id: "nps_answer",
      type: "number",
      label: t("推荐意愿（0–10）", "Likelihood to recommend (0–10)"),
      min: 0,
      max: 10,
      precision: 0,
      help: t("填写后更新客户的推荐意愿", "Updates the customer's likelihood to recommend"),
    },
    {
      id: "risks",
      type: "multiselect",
      label: t("风险", "Risks"),
      options: [
        option("budget_cut", "预算削减", "Budget cut"),
        option("champion_left", "关键联系人离职", "Champion left"),
        option("low_usage", "使用率低", "Low usage"),
      ],
    },
    {
      id: "expansion_signal",
      type: "select",
      label: t("增购信号", "Expansion signal"),
      required: true,
      options: [option("yes", "有", "Yes"), option("no", "无", "No")],
    },
    { id: "notes", type: "textarea", label: t("回访纪要", "Notes") },
  ],
};
