import type { AppDefinition, Form } from "@stagecraft/schemas";
import { coreDealFields } from "../shared/core-deal.js";
import { t } from "../shared/i18n.js";
import { coreFollowUpForm, dealTerminalStages } from "../shared/plain-core-forms.js";
import type { TemplateEntry } from "../template-entry.js";
import { customerTieringDashboards } from "./dashboards.js";
import { customerTieringDemo } from "./demo-data.js";
import { customerForm } from "./forms/customer.js";
import { tieringRuleForm } from "./forms/tiering-rule.js";
import { customerTieringKpis } from "./kpis.js";
import { customerTieringMeta } from "./meta.js";
import { customerTieringRules } from "./rules.js";

/** The core deal with its default pipeline: R3 sums its won amounts per customer. */
const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  titleField: "deal_name",
  fields: coreDealFields(),
  pipeline: {
    initial: "qualified",
    stages: [
      { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
      { id: "proposal", name: t("方案", "Proposal"), probability: 50 },
      { id: "negotiation", name: t("谈判", "Negotiation"), probability: 75 },
      ...dealTerminalStages(),
    ],
  },
};

/** B3 `customer-tiering` (TEMPLATES.md §B), built fresh on each call. */
export function buildCustomerTiering(): AppDefinition {
  return structuredClone({
    id: "customer-tiering",
    name: customerTieringMeta.name,
    description: customerTieringMeta.summary,
    forms: [tieringRuleForm, customerForm, dealForm, coreFollowUpForm()],
    rules: customerTieringRules(),
    kpis: customerTieringKpis(),
    dashboards: customerTieringDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B3 as a catalogue entry. */
export const customerTieringTemplate: TemplateEntry = {
  meta: customerTieringMeta,
  definition: buildCustomerTiering(),
  demoData: customerTieringDemo,
};
