import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { customerLifecycleDashboards } from "./dashboards.js";
import { customerLifecycleDemo } from "./demo-data.js";
import { customerForm } from "./forms/customer.js";
import { dealForm } from "./forms/deal.js";
import { healthCheckForm } from "./forms/health-check.js";
import { orderForm } from "./forms/order.js";
import { customerLifecycleKpis } from "./kpis.js";
import { customerLifecycleMeta } from "./meta.js";
import { customerLifecycleRules } from "./rules.js";

/** The customer-lifecycle app definition (TEMPLATES.md B8), built fresh on each call. */
export function buildCustomerLifecycle(): AppDefinition {
  return structuredClone({
    id: "customer-lifecycle",
    name: customerLifecycleMeta.name,
    description: customerLifecycleMeta.summary,
    forms: [customerForm, orderForm, healthCheckForm, dealForm],
    rules: customerLifecycleRules(),
    kpis: customerLifecycleKpis(),
    dashboards: customerLifecycleDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B8 as a catalogue entry. */
export const customerLifecycleTemplate: TemplateEntry = {
  meta: customerLifecycleMeta,
  definition: buildCustomerLifecycle(),
  demoData: customerLifecycleDemo,
};
