import type { AppDefinition } from "@stagecraft/schemas";
import { coreCustomerForm, coreFollowUpForm } from "../shared/plain-core-forms.js";
import type { TemplateEntry } from "../template-entry.js";
import { agileSalesDashboards } from "./dashboards.js";
import { agileSalesDemo } from "./demo-data.js";
import { dealForm } from "./forms/deal.js";
import { experimentForm } from "./forms/experiment.js";
import { sprintForm } from "./forms/sprint.js";
import { agileSalesKpis } from "./kpis.js";
import { agileSalesMeta } from "./meta.js";
import { agileSalesRules } from "./rules.js";

/** B2 `agile-sales` (TEMPLATES.md §B), built fresh on each call. */
export function buildAgileSales(): AppDefinition {
  return structuredClone({
    id: "agile-sales",
    name: agileSalesMeta.name,
    description: agileSalesMeta.summary,
    forms: [sprintForm, experimentForm, coreCustomerForm(), dealForm, coreFollowUpForm()],
    rules: agileSalesRules(),
    kpis: agileSalesKpis(),
    dashboards: agileSalesDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B2 as a catalogue entry. */
export const agileSalesTemplate: TemplateEntry = {
  meta: agileSalesMeta,
  definition: buildAgileSales(),
  demoData: agileSalesDemo,
};
