import type { Form, Stage } from "@stagecraft/schemas";
import { coreCustomerFields } from "../../shared/core-customer.js";
import { coreDealFields } from "../../shared/core-deal.js";
import { t } from "../../shared/i18n.js";

const sourcePost = {
  id: "source_post",
  type: "reference",
  label: t("来源内容", "Source post"),
  form: "content_post",
  displayField: "title",
} as const;
const socialLead = {
  id: "social_lead",
  type: "reference",
  label: t("来源社媒线索", "Social lead"),
  form: "social_lead",
  displayField: "nickname",
} as const;

/** `customer` (客户) = core customer + the post and social lead it came from. */
export const customerForm: Form = {
  id: "customer",
  name: t("客户", "Customer"),
  titleField: "customer_name",
  fields: [
    ...coreCustomerFields(),
    sourcePost,
    socialLead,
    { id: "first_order_amount", type: "money", label: t("首单金额", "First order"), min: 0 },
  ],
};

const stages: Stage[] = [
  { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
  { id: "proposal", name: t("方案报价", "Proposal"), probability: 50 },
  { id: "negotiation", name: t("商务谈判", "Negotiation"), probability: 75 },
  { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won" },
  { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
];

/** `deal` (商机) = core deal + the post it is attributed to. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  titleField: "deal_name",
  fields: [...coreDealFields(), sourcePost, socialLead],
  pipeline: { initial: "qualified", stages },
};
