import type { Form, Stage } from "@stagecraft/schemas";
import { coreCustomerFields } from "../../shared/core-customer.js";
import { coreDealFields } from "../../shared/core-deal.js";
import { agg, or0, round, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

/** `customer` (客户): the core customer. */
export const customerForm: Form = {
  id: "customer",
  name: t("客户", "Customer"),
  titleField: "customer_name",
  fields: coreCustomerFields(),
};

const stages: Stage[] = [
  { id: "referred", name: t("已推荐", "Referred"), probability: 20 },
  {
    id: "joint_proposal",
    name: t("联合方案", "Joint proposal"),
    probability: 50,
    requires: ["joint_proposal"],
  },
  { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won" },
  { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
];

/** `deal` (商机) = core deal + alliance, joint proposal and our share of the revenue. */
export const dealForm: Form = {
  id: "deal",
  name: t("联合商机", "Joint deal"),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    {
      id: "alliance",
      type: "reference",
      label: t("合作协议", "Alliance"),
      required: true,
      form: "alliance",
      displayField: "partner_company",
    },
    {
      id: "shared_lead",
      type: "reference",
      label: t("来源共享线索", "Shared lead"),
      form: "shared_lead",
      displayField: "customer_name",
    },
    { id: "joint_proposal", type: "file", label: t("联合方案", "Joint proposal") },
    {
      id: "our_share",
      type: "formula",
      label: t("我方分成比例", "Our share"),
      resultType: "percent",
      expression: or0(agg("alliance_share")),
    },
    {
      id: "our_revenue",
      type: "formula",
      label: t("我方收入", "Our revenue"),
      resultType: "money",
      expression: round({ "*": [or0(v("amount")), or0(agg("alliance_share"))] }, 2),
    },
  ],
  pipeline: { initial: "referred", stages },
  aggregates: [
    {
      id: "alliance_share",
      type: "rollup",
      form: "alliance",
      measure: "max",
      field: "our_share",
      filter: [where("_id", "eq", thisValue("alliance"))],
    },
  ],
};
