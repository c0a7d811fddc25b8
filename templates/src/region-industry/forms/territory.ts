import type { Form } from "@stagecraft/schemas";
import { or0, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { INDUSTRIES } from "../../shared/option-sets.js";
import { PROVINCES } from "./provinces.js";

/** `territory` (区域/行业单元): a region or industry with its manager, reps and quotas and playbook. */
export const territoryForm: Form = {
  id: "territory",
  name: t("区域/行业单元", "Territory"),
  description: t(
    "按区域（省份）或行业划分的销售单元：负责人、销售与配额、市场潜力和本地打法",
    "A sales unit by region (provinces) or industry: its manager, reps and quotas, market potential and local playbook",
  ),
  titleField: "code",
  fields: [
    { id: "code", type: "text", label: t("单元编码", "Code"), required: true, maxLength: 50 },
    {
      id: "kind",
      type: "select",
      label: t("划分方式", "Kind"),
      required: true,
      options: [option("region", "区域", "Region"), option("industry", "行业", "Industry")],
    },
    {
      id: "provinces",
      type: "multiselect",
      label: t("覆盖省份", "Provinces"),
      required: true,
      visibleWhen: { "===": [v("kind"), "region"] },
      options: [...PROVINCES],
    },
    {
      id: "industries",
      type: "multiselect",
      label: t("覆盖行业", "Industries"),
      required: true,
      visibleWhen: { "===": [v("kind"), "industry"] },
      options: [...INDUSTRIES],
    },
    { id: "manager", type: "user", label: t("单元负责人", "Manager"), required: true },
    {
      id: "reps",
      type: "subform",
      label: t("销售与配额", "Reps and quotas"),
      required: true,
      minRows: 1,
      fields: [
        { id: "rep", type: "user", label: t("销售", "Rep"), required: true },
        { id: "quota", type: "money", label: t("年度配额", "Annual quota"), required: true, min: 0 },
      ],
    },
    {
      id: "quota_total",
      type: "formula",
      label: t("单元年度配额", "Territory quota"),
      resultType: "money",
      expression: { sum_of: [v("reps"), or0(v("quota"))] },
    },
    { id: "market_potential", type: "money", label: t("市场潜力", "Market potential"), min: 0 },
    { id: "playbook", type: "textarea", label: t("本地打法", "Local playbook") },
    {
      id: "effective_from",
      type: "date",
      label: t("生效日期", "Effective from"),
      required: true,
      help: t("新客户按当日生效的单元归属", "New customers go to the territories in force that day"),
    },
    {
      // Territories are found by their data (a config lookup), so the record carries its own id.
      id: "territory_id",
      type: "text",
      label: t("单元记录号（自动）", "Territory record id (automatic)"),
      readOnlyWhen: true,
    },
  ],
};
