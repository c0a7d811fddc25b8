import type { Form } from "@stagecraft/schemas";
import { or0, round, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

/** `order` (订单/续费): every purchase of a customer; they add up to its lifetime value. */
export const orderForm: Form = {
  id: "order",
  name: t("订单/续费", "Order / renewal"),
  titleField: "order_date",
  fields: [
    {
      id: "customer",
      type: "reference",
      label: t("客户", "Customer"),
      required: true,
      form: "customer",
      displayField: "customer_name",
    },
    { id: "deal", type: "reference", label: t("来源商机", "Deal"), form: "deal", displayField: "deal_name" },
    {
      id: "order_type",
      type: "select",
      label: t("订单类型", "Order type"),
      required: true,
      options: [
        option("new", "新购", "New"),
        option("renewal", "续费", "Renewal"),
        option("upsell", "增购", "Upsell"),
        option("cross_sell", "交叉购买", "Cross-sell"),
      ],
    },
    { id: "amount", type: "money", label: t("金额", "Amount"), required: true, min: 0 },
    { id: "order_date", type: "date", label: t("下单日期", "Order date"), required: true },
    {
      id: "term_months",
      type: "number",
      label: t("服务期（月）", "Term (months)"),
      required: true,
      min: 1,
      precision: 0,
    },
    {
      // Days, not calendar months: the expression language has no month arithmetic.
      id: "end_date",
      type: "formula",
      label: t("服务到期日", "Term ends"),
      resultType: "date",
      expression: {
        add_days: [v("order_date"), round({ "/": [{ "*": [or0(v("term_months")), 365] }, 12] })],
      },
    },
  ],
};
