import type { AppDefinition } from "@stagecraft/schemas";
import { coreCustomerForm, coreFollowUpForm } from "../shared/plain-core-forms.js";
import type { TemplateEntry } from "../template-entry.js";
import { structuredSalesDashboards } from "./dashboards.js";
import { structuredSalesDemo } from "./demo-data.js";
import { dealForm } from "./forms/deal.js";
import { serviceHandoverForm } from "./forms/service-handover.js";
import { stageStandardForm } from "./forms/stage-standard.js";
import { structuredSalesKpis } from "./kpis.js";
import { structuredSalesMeta } from "./meta.js";
import { structuredSalesRules } from "./rules.js";

/** B1 `structured-sales` (TEMPLATES.md §B), built fresh on each call. */
export function buildStructuredSales(): AppDefinition {
  return structuredClone({
    id: "structured-sales",
    name: structuredSalesMeta.name,
    description: structuredSalesMeta.summary,
    forms: [coreCustomerForm(), stageStandardForm, dealForm, serviceHandoverForm, coreFollowUpForm()],
    rules: structuredSalesRules(),
    kpis: structuredSalesKpis(),
    dashboards: structuredSalesDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B1 as a catalogue entry. */
export const structuredSalesTemplate: TemplateEntry = {
  meta: structuredSalesMeta,
  definition: buildStructuredSales(),
  demoData: structuredSalesDemo,
};
