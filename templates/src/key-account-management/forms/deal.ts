import type { Form } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { coreDealPipeline } from "../../shared/core-deal-pipeline.js";
import { t } from "../../shared/i18n.js";

/** `deal` = core deal + the account plan it counts toward (core pipeline). */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    {
      id: "account_plan",
      type: "reference",
      label: t("所属客户经营计划", "Account plan"),
      form: "account_plan",
      displayField: "fiscal_year",
    },
  ],
  pipeline: coreDealPipeline(),
};
