import type { Field } from "@stagecraft/schemas";
import { all, eq, isSet, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

/** `deal` ⊕ core + whether the deal left a complete online trail (digital_trail). */
export function digitalDealFields(): Field[] {
  return [
    {
      id: "signed_online",
      type: "select",
      label: t("电子签约", "Signed online"),
      options: [option("yes", "是", "Yes"), option("no", "否", "No")],
    },
    {
      id: "online_trail",
      type: "formula",
      label: t("全程线上", "Fully online"),
      resultType: "boolean",
      help: t("有线上跟进记录且电子签约", "Follow-ups logged in the app and signed online"),
      expression: all(isSet("last_activity_at"), eq(v("signed_online"), "yes")),
    },
  ];
}
