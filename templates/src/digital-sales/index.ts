import type { AppDefinition } from "@stagecraft/schemas";
import { customerForm, dealForm, followUpForm } from "../styles/group-d-core.js";
import type { TemplateEntry } from "../template-entry.js";
import { digitalDashboards } from "./dashboards.js";
import { digitalDemoData } from "./demo-data.js";
import { adoptionSnapshotForm } from "./forms/adoption-snapshot.js";
import { digitalDealFields } from "./forms/deal-fields.js";
import { integrationForm } from "./forms/integration.js";
import { rolloutPhaseForm } from "./forms/rollout-phase.js";
import { digitalKpis } from "./kpis.js";
import { digitalMeta } from "./meta.js";
import { digitalRules } from "./rules.js";

/** B24 `digital-sales` (TEMPLATES.md §B24), built fresh on each call. */
export function buildDigitalSales(): AppDefinition {
  const definition: AppDefinition = {
    id: "digital-sales",
    name: digitalMeta.name,
    description: digitalMeta.summary,
    forms: [
      customerForm(),
      dealForm(digitalDealFields()),
      followUpForm(),
      integrationForm,
      rolloutPhaseForm,
      adoptionSnapshotForm,
    ],
    rules: digitalRules(),
    kpis: digitalKpis(),
    dashboards: digitalDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  };
  return structuredClone(definition);
}

/** B24 as a catalogue entry. */
export const digitalSalesTemplate: TemplateEntry = {
  meta: digitalMeta,
  definition: buildDigitalSales(),
  demoData: digitalDemoData,
};
