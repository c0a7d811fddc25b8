import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { automatedSalesDashboards } from "./dashboards.js";
import { automatedSalesDemo } from "./demo-data.js";
import { enrollmentForm } from "./forms/enrollment.js";
import { leadForm } from "./forms/lead.js";
import { sequenceForm } from "./forms/sequence.js";
import { automatedSalesKpis } from "./kpis.js";
import { automatedSalesMeta } from "./meta.js";
import { automatedSalesRules } from "./rules.js";

/** The automated sales app definition (TEMPLATES.md B14), built fresh on each call. */
export function buildAutomatedSales(): AppDefinition {
  return structuredClone<AppDefinition>({
    id: "automated-sales",
    name: automatedSalesMeta.name,
    description: automatedSalesMeta.summary,
    forms: [leadForm, sequenceForm, enrollmentForm],
    rules: automatedSalesRules(),
    kpis: automatedSalesKpis(),
    dashboards: automatedSalesDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** Automated sales as a catalogue entry. */
export const automatedSalesTemplate: TemplateEntry = {
  meta: automatedSalesMeta,
  definition: buildAutomatedSales(),
  demoData: automatedSalesDemo,
};
