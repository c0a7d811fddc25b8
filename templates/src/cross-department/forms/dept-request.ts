import type { Form } from "@stagecraft/schemas";
import { eq, isSet, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

/** `dept_request` (跨部门需求单): sales asks another department, with a response SLA. */
export const deptRequestForm: Form = {
  id: "dept_request",
  name: t("跨部门需求单", "Cross-department request"),
  fields: [
    {
      id: "deal",
      type: "reference",
      label: t("商机", "Deal"),
      required: true,
      form: "deal",
      displayField: "deal_name",
    },
    {
      id: "to_dept",
      type: "select",
      label: t("协同部门", "To department"),
      required: true,
      options: [
        option("marketing", "市场部", "Marketing"),
        option("product", "产品部", "Product"),
        option("operations", "运营部", "Operations"),
        option("finance", "财务部", "Finance"),
        option("legal", "法务部", "Legal"),
      ],
    },
    {
      id: "request_type",
      type: "select",
      label: t("需求类型", "Request type"),
      required: true,
      options: [
        option("feasibility", "可行性评估", "Feasibility"),
        option("custom_feature", "定制功能", "Custom feature"),
        option("pricing_approval", "价格审批", "Pricing approval"),
        option("credit_check", "信用审核", "Credit check"),
      ],
    },
    { id: "description", type: "textarea", label: t("需求描述", "Description"), required: true },
    { id: "requester", type: "user", label: t("提出人", "Requester"), required: true },
    {
      id: "due_hours",
      type: "formula",
      label: t("响应时限（小时）", "Response SLA (hours)"),
      resultType: "number",
      precision: 0,
      expression: { if: [eq(v("request_type"), "pricing_approval"), 24, 72] },
    },
    {
      // The catalogue's due_at in hours; formulas add whole days, so the due day.
      id: "due_date",
      type: "formula",
      label: t("最晚答复日期", "Answer by"),
      resultType: "date",
      expression: { add_days: [v("_created_at"), { if: [eq(v("request_type"), "pricing_approval"), 1, 3] }] },
    },
    { id: "response", type: "textarea", label: t("答复", "Response") },
    {
      id: "feasibility_result",
      type: "select",
      label: t("可行性结论", "Feasibility verdict"),
      visibleWhen: eq(v("request_type"), "feasibility"),
      options: [option("approved", "可行", "Feasible"), option("rejected", "不可行", "Not feasible")],
    },
    {
      id: "answered_on_time",
      type: "select",
      label: t("按时答复", "Answered on time"),
      help: t("答复时自动判定", "Set when answered"),
      options: [option("yes", "是", "Yes"), option("no", "否", "No")],
    },
  ],
  pipeline: {
    initial: "submitted",
    stages: [
      { id: "submitted", name: t("已提交", "Submitted") },
      { id: "accepted", name: t("已受理", "Accepted") },
      {
        id: "answered",
        name: t("已答复", "Answered"),
        terminal: "won",
        requires: ["response"],
        guard: { or: [{ "!==": [v("request_type"), "feasibility"] }, isSet("feasibility_result")] },
        guardMessage: t("可行性评估需给出结论", "A feasibility request needs a verdict"),
      },
      { id: "declined", name: t("已拒绝", "Declined"), terminal: "lost" },
    ],
  },
};
