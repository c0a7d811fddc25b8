import type { Form, Pipeline } from "@stagecraft/schemas";
import { or0, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { PRODUCTS } from "../../shared/option-sets.js";
import { describeForm } from "../rollout.js";

/** Discounts above this need the manager's approval (R7's parameter, 15 %). */
export const DISCOUNT_APPROVAL_THRESHOLD = 0.15;

const pipeline: Pipeline = {
  initial: "drafting",
  stages: [
    { id: "drafting", name: t("起草中", "Drafting"), moves: ["pending_approval", "rejected"] },
    // R7 moves every quote on to `sent`; the approval below stops the ones over the threshold.
    {
      id: "pending_approval",
      name: t("待审批", "Pending approval"),
      moves: ["drafting", "sent", "rejected"],
    },
    {
      id: "sent",
      name: t("已发送", "Sent"),
      moves: ["drafting", "pending_approval", "signed", "rejected"],
      approval: {
        on: "enter",
        steps: [
          {
            id: "discount_approval",
            name: t("折扣审批", "Discount approval"),
            approvers: [{ type: "manager" }],
            mode: "any",
            when: { ">": [v("max_discount"), DISCOUNT_APPROVAL_THRESHOLD] },
            due: { after: { amount: 1, unit: "days" }, onOverdue: "remind" },
          },
        ],
        covers: ["line_items"],
      },
    },
    {
      id: "signed",
      name: t("已签约", "Signed"),
      terminal: "won",
      requires: ["contract_no", "sign_date", "end_date", "contract_file"],
      moves: ["sent"],
    },
    { id: "rejected", name: t("已拒绝", "Rejected"), terminal: "lost", moves: ["drafting"] },
  ],
};

/** `quote_contract` (报价与合同): line items, discount approval and the signed contract. */
export const quoteContractForm: Form = {
  id: "quote_contract",
  name: t("报价与合同", "Quote and contract"),
  description: describeForm(
    "P2",
    "报价明细、折扣审批（超过 15% 需审批）与合同签约",
    "Line items, discount approval (above 15 %) and the signed contract",
  ),
  titleField: "contract_no",
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
      id: "customer",
      type: "reference",
      label: t("客户", "Customer"),
      required: true,
      form: "customer",
      displayField: "customer_name",
    },
    { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
    {
      id: "contract_type",
      type: "select",
      label: t("合同类型", "Contract type"),
      required: true,
      options: [option("new", "新签", "New"), option("renewal", "续约", "Renewal")],
    },
    {
      id: "line_items",
      type: "subform",
      label: t("报价明细", "Line items"),
      required: true,
      minRows: 1,
      fields: [
        {
          id: "product",
          type: "select",
          label: t("产品", "Product"),
          required: true,
          options: [...PRODUCTS],
        },
        { id: "qty", type: "number", label: t("数量", "Quantity"), required: true, min: 0 },
        { id: "unit_price", type: "money", label: t("单价", "Unit price"), required: true, min: 0 },
        { id: "discount", type: "percent", label: t("折扣", "Discount"), min: 0, max: 1 },
      ],
    },
    {
      id: "total_amount",
      type: "formula",
      label: t("合同总额", "Total amount"),
      resultType: "money",
      expression: {
        sum_of: [
          v("line_items"),
          { "*": [or0(v("qty")), or0(v("unit_price")), { "-": [1, or0(v("discount"))] }] },
        ],
      },
    },
    {
      id: "max_discount",
      type: "formula",
      label: t("最大折扣", "Max discount"),
      resultType: "percent",
      expression: { max_of: [v("line_items"), or0(v("discount"))] },
    },
    { id: "contract_no", type: "text", label: t("合同编号", "Contract no."), maxLength: 100 },
    { id: "sign_date", type: "date", label: t("签约日期", "Sign date") },
    { id: "end_date", type: "date", label: t("到期日期", "End date") },
    { id: "contract_file", type: "file", label: t("合同文件", "Contract file") },
  ],
  pipeline,
};
