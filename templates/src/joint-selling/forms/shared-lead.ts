import type { Form, Pipeline } from "@stagecraft/schemas";
import { eq, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

const pipeline: Pipeline = {
  initial: "submitted",
  stages: [
    { id: "submitted", name: t("已提交", "Submitted") },
    { id: "accepted", name: t("已接收", "Accepted"), terminal: "won", requires: ["owner"] },
    { id: "rejected", name: t("已拒绝", "Rejected"), terminal: "lost", requires: ["reject_reason"] },
  ],
};

/** `shared_lead` (共享线索): a lead exchanged with the partner, only with the customer's consent. */
export const sharedLeadForm: Form = {
  id: "shared_lead",
  name: t("共享线索", "Shared lead"),
  description: t(
    "与合作方互换的线索；推送给对方前必须取得客户同意",
    "Leads exchanged with the partner; sending one requires the customer's consent",
  ),
  titleField: "customer_name",
  fields: [
    {
      id: "alliance",
      type: "reference",
      label: t("合作协议", "Alliance"),
      required: true,
      form: "alliance",
      displayField: "partner_company",
    },
    {
      id: "direction",
      type: "select",
      label: t("方向", "Direction"),
      required: true,
      options: [
        option("to_partner", "推送给合作方", "To partner"),
        option("from_partner", "合作方推送", "From partner"),
      ],
    },
    { id: "customer_name", type: "text", label: t("客户名称", "Customer"), required: true, maxLength: 200 },
    { id: "contact_name", type: "text", label: t("联系人", "Contact"), maxLength: 100 },
    { id: "contact_phone", type: "phone", label: t("联系电话", "Phone") },
    { id: "need", type: "textarea", label: t("需求", "Need"), required: true },
    {
      id: "consent",
      type: "select",
      label: t("客户已同意共享", "Customer consent"),
      required: true,
      options: [option("yes", "已同意", "Yes"), option("no", "未同意", "No")],
      help: t("未经客户同意的线索不会推送给合作方", "Leads without consent are never sent to the partner"),
    },
    { id: "owner", type: "user", label: t("跟进人", "Owner") },
    {
      id: "reject_reason",
      type: "select",
      label: t("拒绝原因", "Reject reason"),
      options: [
        option("no_consent", "未获客户同意", "No consent"),
        option("duplicate", "重复线索", "Duplicate"),
        option("not_fit", "不符合合作范围", "Out of scope"),
      ],
    },
    {
      id: "consent_note",
      type: "text",
      label: t("同意记录", "Consent record"),
      maxLength: 200,
      visibleWhen: eq(v("consent"), "yes"),
      help: t("如：电话录音编号或书面确认", "E.g. the call recording no. or written confirmation"),
    },
  ],
  pipeline,
};
