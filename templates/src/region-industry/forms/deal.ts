import type { Form } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { coreDealPipeline } from "../../shared/core-deal-pipeline.js";
import { t } from "../../shared/i18n.js";
import { INDUSTRIES } from "../../shared/option-sets.js";

/** `deal` = core deal + its territory and local competitor (core pipeline). */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    {
      id: "territory",
      type: "reference",
      label: t("所属单元", "Territory"),
      required: true,
      form: "territory",
      displayField: "code",
    },
    {
      // Repeated from the customer so win rates can be cut by industry (KPIs read one form).
      id: "industry",
      type: "select",
      label: t("行业", "Industry"),
      required: true,
      options: [...INDUSTRIES],
    },
    { id: "local_competitor", type: "text", label: t("本地竞争对手", "Local competitor"), maxLength: 200 },
  ],
  pipeline: coreDealPipeline(),
};
