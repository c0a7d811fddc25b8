import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { projectBasedDashboards } from "./dashboards.js";
import { projectBasedDemo } from "./demo-data.js";
import { bidReviewForm } from "./forms/bid-review.js";
import { customerForm } from "./forms/customer.js";
import { dealForm } from "./forms/deal.js";
import { milestoneForm } from "./forms/milestone.js";
import { teamAssignmentForm } from "./forms/team-assignment.js";
import { projectBasedKpis } from "./kpis.js";
import { projectBasedMeta } from "./meta.js";
import { projectBasedRules } from "./rules.js";

/** The project-based app definition (TEMPLATES.md B11), built fresh on each call. */
export function buildProjectBased(): AppDefinition {
  return structuredClone({
    id: "project-based",
    name: projectBasedMeta.name,
    description: projectBasedMeta.summary,
    forms: [customerForm, dealForm, bidReviewForm, milestoneForm, teamAssignmentForm],
    rules: projectBasedRules(),
    kpis: projectBasedKpis(),
    dashboards: projectBasedDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B11 as a catalogue entry. */
export const projectBasedTemplate: TemplateEntry = {
  meta: projectBasedMeta,
  definition: buildProjectBased(),
  demoData: projectBasedDemo,
};
