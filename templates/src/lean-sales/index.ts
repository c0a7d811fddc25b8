import type { AppDefinition } from "@stagecraft/schemas";
import { customerForm, dealForm, followUpForm } from "../styles/group-d-core.js";
import type { TemplateEntry } from "../template-entry.js";
import { leanDashboards } from "./dashboards.js";
import { leanDemoData } from "./demo-data.js";
import { leanDealFields, valueAddingAggregates } from "./forms/deal-fields.js";
import { p75Aggregates } from "./forms/lean-stages.js";
import { stageBenchmarkForm } from "./forms/stage-benchmark.js";
import { wasteItemForm } from "./forms/waste-item.js";
import { leanKpis } from "./kpis.js";
import { leanMeta } from "./meta.js";
import { leanRules } from "./rules.js";

/** B22 `lean-sales` (TEMPLATES.md §B22), built fresh on each call. */
export function buildLeanSales(): AppDefinition {
  const definition: AppDefinition = {
    id: "lean-sales",
    name: leanMeta.name,
    description: leanMeta.summary,
    forms: [
      customerForm(),
      { ...dealForm(leanDealFields()), aggregates: [...valueAddingAggregates(), ...p75Aggregates()] },
      followUpForm(),
      stageBenchmarkForm,
      wasteItemForm,
    ],
    rules: leanRules(),
    kpis: leanKpis(),
    dashboards: leanDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  };
  return structuredClone(definition);
}

/** B22 as a catalogue entry. */
export const leanSalesTemplate: TemplateEntry = {
  meta: leanMeta,
  definition: buildLeanSales(),
  demoData: leanDemoData,
};
