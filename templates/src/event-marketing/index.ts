import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { eventMarketingDashboards } from "./dashboards.js";
import { eventMarketingDemo } from "./demo-data.js";
import { customerForm, dealForm } from "./forms/customer-deal.js";
import { eventForm } from "./forms/event.js";
import { registrationForm } from "./forms/registration.js";
import { eventMarketingKpis } from "./kpis.js";
import { eventMarketingMeta } from "./meta.js";
import { eventMarketingRules } from "./rules.js";

/** The event marketing app definition (TEMPLATES.md B17), built fresh on each call. */
export function buildEventMarketing(): AppDefinition {
  return structuredClone<AppDefinition>({
    id: "event-marketing",
    name: eventMarketingMeta.name,
    description: eventMarketingMeta.summary,
    forms: [eventForm, registrationForm, customerForm, dealForm],
    rules: eventMarketingRules(),
    kpis: eventMarketingKpis(),
    dashboards: eventMarketingDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** Event marketing as a catalogue entry. */
export const eventMarketingTemplate: TemplateEntry = {
  meta: eventMarketingMeta,
  definition: buildEventMarketing(),
  demoData: eventMarketingDemo,
};
