import type { Form } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

const OWN = where("alliance", "eq", thisValue("_id"));
const NOT_REJECTED = where("_stage", "ne", "rejected");

/** `alliance` (合作协议): the co-selling agreement, its lead exchange and revenue-share ledger. */
export const allianceForm: Form = {
  id: "alliance",
  name: t("合作协议", "Alliance"),
  description: t(
    "与互补企业的联合销售协议：线索互换规则、收入分成比例与分成台账",
    "A co-selling agreement with a complementary firm: lead-exchange rules, revenue share and the share ledger",
  ),
  titleField: "partner_company",
  fields: [
    {
      id: "partner_company",
      type: "text",
      label: t("合作企业", "Partner company"),
      required: true,
      maxLength: 200,
    },
    { id: "partner_email", type: "email", label: t("合作方邮箱", "Partner email"), required: true },
    { id: "alliance_manager", type: "user", label: t("联盟经理", "Alliance manager"), required: true },
    { id: "finance_contact", type: "user", label: t("分成结算财务", "Finance contact") },
    {
      id: "our_share",
      type: "percent",
      label: t("我方收入分成比例", "Our revenue share"),
      required: true,
      min: 0,
      max: 1,
    },
    { id: "lead_rules", type: "textarea", label: t("线索互换规则", "Lead-exchange rules"), required: true },
    { id: "agreement", type: "file", label: t("合作协议文件", "Agreement"), required: true },
    { id: "valid_until", type: "date", label: t("有效期至", "Valid until"), required: true },
    {
      id: "leads_sent",
      type: "formula",
      label: t("我方推送线索", "Leads sent"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("sent_count")),
    },
    {
      id: "leads_received",
      type: "formula",
      label: t("对方推送线索", "Leads received"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("received_count")),
    },
    {
      id: "lead_balance",
      type: "formula",
      label: t("线索互换差额", "Lead balance"),
      resultType: "number",
      precision: 0,
      expression: { "-": [or0(agg("sent_count")), or0(agg("received_count"))] },
      help: t("我方推送减对方推送，正数表示我方付出更多", "Sent minus received: positive means we give more"),
    },
    { id: "joint_revenue_won", type: "money", label: t("联合赢单金额", "Joint revenue won"), min: 0 },
    {
      id: "partner_share_due",
      type: "money",
      label: t("应付合作方分成", "Partner share due"),
      min: 0,
      help: t(
        "联合商机赢单时累加（金额 ×（1 − 我方比例））",
        "Added when a joint deal is won: amount × (1 − our share)",
      ),
    },
    { id: "last_won_deal", type: "text", label: t("最近赢单商机", "Last deal won"), maxLength: 200 },
    { id: "sla_breach_lead", type: "text", label: t("超时未处理线索", "Lead past the SLA"), maxLength: 200 },
    { id: "sla_breach_on", type: "date", label: t("超时日期", "SLA breached on") },
    {
      id: "days_to_expiry",
      type: "formula",
      label: t("距到期天数", "Days to expiry"),
      resultType: "number",
      precision: 0,
      expression: { days_between: [{ today: [] }, v("valid_until")] },
    },
  ],
  aggregates: [
    {
      id: "sent_count",
      type: "rollup",
      form: "shared_lead",
      measure: "count",
      filter: [OWN, where("direction", "eq", "to_partner"), NOT_REJECTED],
    },
    {
      id: "received_count",
      type: "rollup",
      form: "shared_lead",
      measure: "count",
      filter: [OWN, where("direction", "eq", "from_partner"), NOT_REJECTED],
    },
  ],
};
