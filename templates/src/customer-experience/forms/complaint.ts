import type { Expression, Form } from "@stagecraft/schemas";
import { v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { recentSurveysAggregate, recentSurveysField } from "./recent-surveys.js";

/**
 * Days allowed to resolve by severity. The catalogue's SLA is 4 / 24 / 72 hours; formulas have no
 * hour arithmetic and schedules check per day, so the due date is the day the hours run out in.
 */
const SLA_DAYS: Expression = { case: [v("severity"), "high", 0, "medium", 1, "low", 3] };

/** `complaint` (投诉): investigated and resolved with a root cause within the SLA. */
export const complaintForm: Form = {
  id: "complaint",
  name: t("投诉", "Complaint"),
  fields: [
    {
      id: "customer",
      type: "reference",
      label: t("客户", "Customer"),
      required: true,
      form: "customer",
      displayField: "customer_name",
    },
    {
      id: "category",
      type: "select",
      label: t("类别", "Category"),
      required: true,
      options: [
        option("response", "响应慢", "Slow response"),
        option("attitude", "服务态度", "Attitude"),
        option("product", "产品问题", "Product"),
        option("billing", "账单/开票", "Billing"),
        option("detractor", "贬损者回访", "Detractor follow-up"),
      ],
    },
    {
      id: "severity",
      type: "select",
      label: t("严重程度", "Severity"),
      required: true,
      options: [option("low", "低", "Low"), option("medium", "中", "Medium"), option("high", "高", "High")],
    },
    { id: "description", type: "textarea", label: t("问题描述", "Description"), required: true },
    { id: "owner", type: "user", label: t("处理人", "Owner"), required: true },
    {
      id: "sla_hours",
      type: "formula",
      label: t("时限（小时）", "SLA (hours)"),
      resultType: "number",
      precision: 0,
      expression: { case: [v("severity"), "high", 4, "medium", 24, "low", 72] },
    },
    {
      id: "sla_due",
      type: "formula",
      label: t("最晚解决日期", "Resolve by"),
      resultType: "date",
      expression: { add_days: [v("_created_at"), SLA_DAYS] },
    },
    { id: "root_cause", type: "textarea", label: t("根本原因与措施", "Root cause and fix") },
    {
      id: "resolved_on_time",
      type: "select",
      label: t("按时解决", "Resolved on time"),
      help: t("进入“已解决”时自动判定", "Set when the complaint is resolved"),
      options: [option("yes", "是", "Yes"), option("no", "否", "No")],
    },
    recentSurveysField(),
  ],
  pipeline: {
    initial: "received",
    stages: [
      { id: "received", name: t("已受理", "Received") },
      { id: "investigating", name: t("调查中", "Investigating") },
      { id: "resolved", name: t("已解决", "Resolved"), requires: ["root_cause"] },
      { id: "confirmed", name: t("客户已确认", "Confirmed"), terminal: "won" },
      { id: "unresolved", name: t("未解决", "Unresolved"), terminal: "lost" },
    ],
  },
  aggregates: [recentSurveysAggregate()],
};
