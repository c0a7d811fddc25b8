import type { Form } from "@stagecraft/schemas";
import { or0, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { PRODUCTS } from "../../shared/option-sets.js";

/** `sell_in_order` (进货单): what a partner buys from us; its total counts toward tier and rebate. */
export const sellInOrderForm: Form = {
  id: "sell_in_order",
  name: t("进货单", "Sell-in order"),
  description: t("渠道伙伴的进货订单", "Orders partners place with us"),
  fields: [
    {
      id: "partner",
      type: "reference",
      label: t("渠道伙伴", "Partner"),
      required: true,
      form: "partner",
      displayField: "name",
    },
    { id: "order_date", type: "date", label: t("进货日期", "Order date"), required: true },
    {
      id: "lines",
      type: "subform",
      label: t("进货明细", "Lines"),
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
      ],
    },
    {
      id: "total",
      type: "formula",
      label: t("进货金额", "Total"),
      resultType: "money",
      expression: { sum_of: [v("lines"), { "*": [or0(v("qty")), or0(v("unit_price"))] }] },
    },
    {
      id: "paid",
      type: "select",
      label: t("是否回款", "Paid"),
      required: true,
      options: [option("yes", "已回款", "Yes"), option("no", "未回款", "No")],
    },
    {
      id: "partner_tier",
      type: "text",
      label: t("伙伴等级", "Partner tier"),
      help: t(
        "由伙伴当前等级自动写入，用于按等级统计",
        "Copied from the partner's current tier, for reporting by tier",
      ),
    },
  ],
};
