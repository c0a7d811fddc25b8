import type { Form } from "@stagecraft/schemas";
import { coreCustomerFields } from "../../shared/core-customer.js";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";

/** `customer` = core + the after-sale data the lifecycle runs on; its pipeline is the lifecycle. */
export const customerForm: Form = {
  id: "customer",
  name: t("客户", "Customer"),
  description: t(
    "一条客户记录贯穿获客、开通、维护、续费/增购直至流失与赢回",
    "One customer record from acquisition through onboarding, maintenance and renewal/upsell to churn and win-back",
  ),
  titleField: "customer_name",
  fields: [
    ...coreCustomerFields(),
    { id: "csm", type: "user", label: t("客户成功经理", "Customer success manager") },
    { id: "contract_end_date", type: "date", label: t("合同到期日", "Contract end date") },
    {
      id: "contract_value",
      type: "money",
      label: t("当前合同年额", "Current contract value"),
      min: 0,
      help: t("新签/续费订单写入，增购累加", "Set by new and renewal orders, raised by upsells"),
    },
    {
      id: "usage_index",
      type: "number",
      label: t("使用指数（0–100）", "Usage index (0–100)"),
      min: 0,
      max: 100,
      help: t("由产品使用数据通过 API 写入", "Written by the product's usage data through the API"),
    },
    {
      id: "nps",
      type: "number",
      label: t("推荐意愿（0–10）", "Likelihood to recommend (0–10)"),
      min: 0,
      max: 10,
      precision: 0,
    },
    {
      id: "health_score",
      type: "formula",
      label: t("健康分", "Health score"),
      resultType: "number",
      precision: 0,
      expression: {
        min: [100, { "+": [{ "*": [0.6, or0(v("usage_index"))] }, { "*": [4, or0(v("nps"))] }] }],
      },
    },
    {
      id: "ltv",
      type: "formula",
      label: t("客户终身价值", "Lifetime value"),
      resultType: "money",
      expression: or0(agg("order_total")),
    },
    { id: "last_order_date", type: "date", label: t("最近下单日期", "Last order date") },
    {
      id: "churn_reason",
      type: "select",
      label: t("流失原因", "Churn reason"),
      options: [
        option("budget_cut", "预算削减", "Budget cut"),
        option("champion_left", "关键联系人离职", "Champion left"),
        option("low_usage", "使用率低", "Low usage"),
        option("competitor", "转向竞品", "Competitor"),
        option("service", "服务不满意", "Service"),
        option("closed", "客户停业", "Business closed"),
      ],
    },
  ],
  pipeline: {
    initial: "prospect",
    stages: [
      { id: "prospect", name: t("潜在客户", "Prospect") },
      { id: "onboarding", name: t("开通实施", "Onboarding"), requires: ["csm"] },
      { id: "active", name: t("活跃维护", "Active"), requires: ["csm", "contract_end_date"] },
      { id: "renewal_due", name: t("待续费", "Renewal due") },
      { id: "churned", name: t("已流失", "Churned"), terminal: "lost", requires: ["churn_reason"] },
    ],
  },
  aggregates: [
    {
      id: "order_total",
      type: "rollup",
      form: "order",
      measure: "sum",
      field: "amount",
      filter: [where("customer", "eq", thisValue("_id"))],
    },
  ],
};
