import type { Form } from "@stagecraft/schemas";
import { t } from "../../shared/i18n.js";
import { PRODUCTS } from "../../shared/option-sets.js";

/** `line_revenue` (产品线分账): a won deal's revenue booked to one product line (one row per item). */
export const lineRevenueForm: Form = {
  id: "line_revenue",
  name: t("产品线分账", "Line revenue"),
  titleField: "month",
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
      id: "product_line",
      type: "reference",
      label: t("产品线", "Product line"),
      required: true,
      form: "product_line",
      displayField: "name",
    },
    { id: "product", type: "select", label: t("产品", "Product"), options: [...PRODUCTS] },
    { id: "owner", type: "user", label: t("销售", "Owner"), required: true },
    {
      id: "amount",
      type: "money",
      label: t("分账金额（折后）", "Amount (after discount)"),
      required: true,
      min: 0,
    },
    { id: "month", type: "date", label: t("入账月份", "Month"), required: true },
  ],
};
