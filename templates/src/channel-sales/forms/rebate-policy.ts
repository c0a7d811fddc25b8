import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";
import { PRODUCTS } from "../../shared/option-sets.js";

/** `rebate_policy` (返利政策): the tiered rebate in force from `effective_from`. */
export const rebatePolicyForm: Form = {
  id: "rebate_policy",
  name: t("返利政策", "Rebate policy"),
  description: t(
    "统一的渠道返利政策：进货额达到档位即按该档返利比例计提",
    "One channel rebate policy: reaching a tier's sell-in earns that tier's rate",
  ),
  titleField: "year",
  fields: [
    {
      id: "year",
      type: "number",
      label: t("政策年度", "Year"),
      required: true,
      min: 2000,
      max: 2999,
      precision: 0,
    },
    {
      id: "tiers",
      type: "subform",
      label: t("返利档位", "Rebate tiers"),
      required: true,
      minRows: 1,
      fields: [
        {
          id: "min_amount",
          type: "money",
          label: t("进货额下限", "Minimum sell-in"),
          required: true,
          min: 0,
        },
        {
          id: "rebate_rate",
          type: "percent",
          label: t("返利比例", "Rebate rate"),
          required: true,
          min: 0,
          max: 1,
        },
      ],
    },
    { id: "product_scope", type: "multiselect", label: t("适用产品", "Products"), options: [...PRODUCTS] },
    {
      id: "settlement",
      type: "select",
      label: t("结算周期", "Settlement"),
      required: true,
      options: [option("quarterly", "按季度", "Quarterly"), option("annual", "按年度", "Annual")],
    },
    { id: "effective_from", type: "date", label: t("生效日期", "Effective from"), required: true },
    { id: "effective_to", type: "date", label: t("失效日期", "Effective to") },
  ],
};
