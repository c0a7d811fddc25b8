import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";
import { REGIONS } from "../../shared/option-sets.js";
import { describeForm } from "../rollout.js";

/** `lead` (线索): routed by region (R3) and converted into a deal (R4). */
export const leadForm: Form = {
  id: "lead",
  name: t("线索", "Lead"),
  description: describeForm(
    "P2",
    "多渠道获取的线索，按区域分配、确认需求后转为商机",
    "Leads from every channel, routed by region and converted into deals once qualified",
  ),
  titleField: "company",
  fields: [
    { id: "contact_name", type: "text", label: t("联系人", "Contact name"), required: true },
    { id: "company", type: "text", label: t("公司名称", "Company"), required: true, maxLength: 200 },
    { id: "phone", type: "phone", label: t("电话", "Phone"), required: true },
    {
      id: "source",
      type: "select",
      label: t("线索来源", "Source"),
      required: true,
      options: [
        option("ad", "广告投放", "Advertising"),
        option("content", "内容营销", "Content marketing"),
        option("channel_partner", "渠道合作", "Channel partner"),
        option("event", "活动会展", "Event"),
        option("referral", "客户推荐", "Referral"),
        option("website", "官网", "Website"),
      ],
    },
    { id: "region", type: "select", label: t("区域", "Region"), required: true, options: [...REGIONS] },
    { id: "need_summary", type: "textarea", label: t("需求概要", "Need summary") },
    { id: "owner", type: "user", label: t("负责人", "Owner") },
    {
      id: "disqualify_reason",
      type: "select",
      label: t("无效原因", "Disqualify reason"),
      options: [
        option("no_budget", "无预算", "No budget"),
        option("no_need", "无需求", "No need"),
        option("competitor", "已选竞品", "Competitor"),
        option("unreachable", "联系不上", "Unreachable"),
      ],
    },
    // Not in TEMPLATES.md: stands in for R4's "find-or-create the customer by company" (see gaps).
    {
      id: "customer",
      type: "reference",
      label: t("对应客户", "Customer"),
      form: "customer",
      displayField: "customer_name",
      help: t(
        "转化前选择与公司名称对应的客户；没有则先在客户画像中新建",
        "Pick the customer matching the company before converting; create it in Customers first if there is none",
      ),
    },
    { id: "deal", type: "reference", label: t("转化商机", "Deal"), form: "deal", displayField: "deal_name" },
  ],
  pipeline: {
    initial: "new",
    stages: [
      { id: "new", name: t("新线索", "New") },
      { id: "contacted", name: t("已联系", "Contacted") },
      { id: "qualified", name: t("已确认", "Qualified"), requires: ["need_summary"] },
      {
        id: "converted",
        name: t("已转化", "Converted"),
        terminal: "won",
        // R4 needs the customer the deal belongs to; nothing can find or create it by company name.
        requires: ["customer"],
      },
      {
        id: "disqualified",
        name: t("无效", "Disqualified"),
        terminal: "lost",
        requires: ["disqualify_reason"],
      },
    ],
  },
};
