import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { jointSellingDashboards } from "./dashboards.js";
import { jointSellingDemo } from "./demo-data.js";
import { allianceForm } from "./forms/alliance.js";
import { customerForm, dealForm } from "./forms/customer-deal.js";
import { sharedLeadForm } from "./forms/shared-lead.js";
import { jointSellingKpis } from "./kpis.js";
import { jointSellingMeta } from "./meta.js";
import { jointSellingRules } from "./rules.js";

/** The joint selling app definition (TEMPLATES.md B18), built fresh on each call. */
export function buildJointSelling(): AppDefinition {
  return structuredClone<AppDefinition>({
    id: "joint-selling",
    name: jointSellingMeta.name,
    description: jointSellingMeta.summary,
    forms: [allianceForm, sharedLeadForm, customerForm, dealForm],
    rules: jointSellingRules(),
    kpis: jointSellingKpis(),
    dashboards: jointSellingDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** Joint selling as a catalogue entry. */
export const jointSellingTemplate: TemplateEntry = {
  meta: jointSellingMeta,
  definition: buildJointSelling(),
  demoData: jointSellingDemo,
};
