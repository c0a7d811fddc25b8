import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { salesPlanDashboards } from "./dashboards.js";
import { salesPlanDemo } from "./demo-data.js";
import { customerForm } from "./forms/customer.js";
import { dealForm } from "./forms/deal.js";
import { followUpForm } from "./forms/follow-up.js";
import { goalBreakdownForm } from "./forms/goal-breakdown.js";
import { leadForm } from "./forms/lead.js";
import { marketInsightForm } from "./forms/market-insight.js";
import { quoteContractForm } from "./forms/quote-contract.js";
import { resourcePlanForm } from "./forms/resource-plan.js";
import { salesGoalForm } from "./forms/sales-goal.js";
import { weeklyReviewForm } from "./forms/weekly-review.js";
import { salesPlanKpis } from "./kpis.js";
import { salesPlanMeta } from "./meta.js";
import { salesPlanRules } from "./rules/index.js";

export { SALES_PLAN_IMPORT_MAPS, type ImportColumn, type ImportMap } from "./import-maps.js";
export { SALES_PLAN_ROLLOUT, type RolloutPhase, type RolloutStep } from "./rollout.js";

/** The flagship app definition (TEMPLATES.md §A), built fresh on each call. */
export function buildSalesPlan(): AppDefinition {
  const definition: AppDefinition = {
    id: "sales-plan",
    name: salesPlanMeta.name,
    description: salesPlanMeta.summary,
    forms: [
      salesGoalForm,
      goalBreakdownForm,
      customerForm,
      marketInsightForm,
      resourcePlanForm,
      leadForm,
      dealForm,
      quoteContractForm,
      followUpForm,
      weeklyReviewForm,
    ],
    rules: salesPlanRules(),
    kpis: salesPlanKpis(),
    dashboards: salesPlanDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  };
  // The form constants are shared module values: hand out a copy nobody else holds.
  return structuredClone(definition);
}

/** The flagship as a catalogue entry. */
export const salesPlanTemplate: TemplateEntry = {
  meta: salesPlanMeta,
  definition: buildSalesPlan(),
  demoData: salesPlanDemo,
};
