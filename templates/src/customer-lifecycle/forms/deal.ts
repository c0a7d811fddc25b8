import type { Form } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { coreDealPipeline } from "../../shared/core-deal-pipeline.js";
import { option, t } from "../../shared/i18n.js";

/** `deal` = core deal + its type (renewals and upsells come from the lifecycle rules) and term. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    {
      id: "deal_type",
      type: "select",
      label: t("商机类型", "Deal type"),
      required: true,
      default: "new",
      options: [
        option("new", "新购", "New"),
        option("renewal", "续费", "Renewal"),
        option("upsell", "增购", "Upsell"),
        option("cross_sell", "交叉购买", "Cross-sell"),
      ],
    },
    {
      id: "term_months",
      type: "number",
      label: t("服务期（月）", "Term (months)"),
      default: 12,
      min: 1,
      precision: 0,
    },
  ],
  pipeline: coreDealPipeline(),
};
