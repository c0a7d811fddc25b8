import type { AppDefinition } from "@stagecraft/schemas";
import { coreCustomerForm, coreFollowUpForm } from "../shared/plain-core-forms.js";
import type { TemplateEntry } from "../template-entry.js";
import { goalOrientedDashboards } from "./dashboards.js";
import { goalOrientedDemo } from "./demo-data.js";
import { dealForm } from "./forms/deal.js";
import { goalReviewForm } from "./forms/goal-review.js";
import { targetForm } from "./forms/target.js";
import { goalOrientedKpis } from "./kpis.js";
import { goalOrientedMeta } from "./meta.js";
import { goalOrientedRules } from "./rules.js";

/** B6 `goal-oriented` (TEMPLATES.md §B), built fresh on each call. */
export function buildGoalOriented(): AppDefinition {
  return structuredClone({
    id: "goal-oriented",
    name: goalOrientedMeta.name,
    description: goalOrientedMeta.summary,
    forms: [targetForm, goalReviewForm, coreCustomerForm(), dealForm, coreFollowUpForm()],
    rules: goalOrientedRules(),
    kpis: goalOrientedKpis(),
    dashboards: goalOrientedDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B6 as a catalogue entry. */
export const goalOrientedTemplate: TemplateEntry = {
  meta: goalOrientedMeta,
  definition: buildGoalOriented(),
  demoData: goalOrientedDemo,
};
