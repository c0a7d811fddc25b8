import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { productLineDashboards } from "./dashboards.js";
import { productLineDemo } from "./demo-data.js";
import { customerForm } from "./forms/customer.js";
import { dealForm } from "./forms/deal.js";
import { lineRevenueForm } from "./forms/line-revenue.js";
import { productLineForm } from "./forms/product-line.js";
import { productLineKpis } from "./kpis.js";
import { productLineMeta } from "./meta.js";
import { productLineRules } from "./rules.js";

/** The product-line app definition (TEMPLATES.md B10), built fresh on each call. */
export function buildProductLine(): AppDefinition {
  return structuredClone({
    id: "product-line",
    name: productLineMeta.name,
    description: productLineMeta.summary,
    forms: [productLineForm, customerForm, dealForm, lineRevenueForm],
    rules: productLineRules(),
    kpis: productLineKpis(),
    dashboards: productLineDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B10 as a catalogue entry. */
export const productLineTemplate: TemplateEntry = {
  meta: productLineMeta,
  definition: buildProductLine(),
  demoData: productLineDemo,
};
