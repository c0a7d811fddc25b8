import type { Field } from "@stagecraft/schemas";
import { v } from "../../shared/expressions.js";
import { t } from "../../shared/i18n.js";

/** `customer` ⊕ core + the latest NPS, the promoter type it gives, and the last survey time. */
export function experienceCustomerFields(): Field[] {
  return [
    {
      id: "nps_latest",
      type: "number",
      label: t("最近 NPS", "Latest NPS"),
      min: 0,
      max: 10,
      precision: 0,
      help: t("客户回答调研时自动更新", "Set when the customer answers a survey"),
    },
    {
      id: "promoter_type",
      type: "formula",
      label: t("推荐类型", "Promoter type"),
      resultType: "text",
      expression: {
        if: [
          { "==": [v("nps_latest"), null] },
          "",
          { ">=": [v("nps_latest"), 9] },
          "promoter",
          { ">=": [v("nps_latest"), 7] },
          "passive",
          "detractor",
        ],
      },
    },
    { id: "last_survey_at", type: "datetime", label: t("最近调研时间", "Last survey at") },
  ];
}
