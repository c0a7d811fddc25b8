import type { Form } from "@stagecraft/schemas";
import { coreCustomerFields } from "../../shared/core-customer.js";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { describeForm } from "../rollout.js";

/** `customer` (客户画像) = core customer + profile, tier and status. */
export const customerForm: Form = {
  id: "customer",
  name: t("客户画像", "Customer profile"),
  description: describeForm(
    "P1",
    "客户画像与分层：关注点决定沟通话术（如中小客户重售后，大客户重定制），层级决定跟进周期",
    "Customer profile and tier: key concerns drive the talk track (e.g. smaller firms value service, large firms customisation); the tier sets the follow-up cycle",
  ),
  titleField: "customer_name",
  fields: [
    ...coreCustomerFields(),
    {
      id: "company_size",
      type: "select",
      label: t("企业规模", "Company size"),
      required: true,
      options: [
        option("small", "小型", "Small"),
        option("medium", "中型", "Medium"),
        option("large", "大型", "Large"),
      ],
    },
    {
      id: "key_concerns",
      type: "multiselect",
      label: t("关注点", "Key concerns"),
      help: t("决定沟通话术与跟进方式", "Drives the talk track and follow-up style"),
      options: [
        option("after_sales", "售后服务", "After-sales service"),
        option("customization", "定制能力", "Customisation"),
        option("price", "价格", "Price"),
        option("delivery", "交付", "Delivery"),
      ],
    },
    { id: "decision_process", type: "textarea", label: t("决策流程", "Decision process") },
    {
      id: "contacts",
      type: "subform",
      label: t("联系人", "Contacts"),
      fields: [
        { id: "name", type: "text", label: t("姓名", "Name"), required: true },
        { id: "title", type: "text", label: t("职务", "Title") },
        { id: "phone", type: "phone", label: t("电话", "Phone") },
        {
          id: "decision_role",
          type: "select",
          label: t("决策角色", "Decision role"),
          options: [
            option("decision_maker", "决策者", "Decision maker"),
            option("influencer", "影响者", "Influencer"),
            option("user", "使用者", "User"),
          ],
        },
      ],
    },
    { id: "annual_value", type: "money", label: t("年度价值", "Annual value"), min: 0 },
    {
      id: "tier",
      type: "select",
      label: t("客户层级", "Tier"),
      required: true,
      default: "C",
      help: t(
        "与“客户分级”模板组合时改为公式",
        "Becomes a formula when the customer-tiering template is composed",
      ),
      options: [option("A", "A 类", "Tier A"), option("B", "B 类", "Tier B"), option("C", "C 类", "Tier C")],
    },
    {
      id: "follow_cycle_days",
      type: "formula",
      label: t("跟进周期（天）", "Follow-up cycle (days)"),
      resultType: "number",
      precision: 0,
      expression: { case: [v("tier"), "A", 7, "B", 14, "C", 30] },
    },
    {
      id: "status",
      type: "select",
      label: t("客户状态", "Status"),
      required: true,
      default: "prospect",
      options: [
        option("prospect", "潜在", "Prospect"),
        option("active", "活跃", "Active"),
        option("at_risk", "有流失风险", "At risk"),
        option("churned", "已流失", "Churned"),
      ],
    },
    {
      id: "latest_satisfaction",
      type: "number",
      label: t("最近满意度", "Latest satisfaction"),
      min: 1,
      max: 5,
      precision: 0,
      help: t("完成回访时自动写入", "Set by a completed return visit"),
    },
    // Not in TEMPLATES.md: K8 (repurchase rate) needs the count per customer as a value to filter on.
    {
      id: "contracts_last_12m",
      type: "formula",
      label: t("近12个月签约数", "Contracts signed in 12 months"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("signed_contracts_12m")),
    },
  ],
  aggregates: [
    {
      id: "signed_contracts_12m",
      type: "rollup",
      form: "quote_contract",
      measure: "count",
      filter: [
        where("customer", "eq", thisValue("_id")),
        where("_stage", "eq", "signed"),
        where("sign_date", "within_last_days", 365),
      ],
    },
  ],
};
