import type { AppDefinition } from "@stagecraft/schemas";
import { coreCustomerForm, coreFollowUpForm } from "../shared/plain-core-forms.js";
import type { TemplateEntry } from "../template-entry.js";
import { teamCollaborationDashboards } from "./dashboards.js";
import { teamCollaborationDemo } from "./demo-data.js";
import { collabTaskForm } from "./forms/collab-task.js";
import { dealForm } from "./forms/deal.js";
import { teamGoalForm } from "./forms/team-goal.js";
import { teamCollaborationKpis } from "./kpis.js";
import { teamCollaborationMeta } from "./meta.js";
import { teamCollaborationRules } from "./rules.js";

/** B5 `team-collaboration` (TEMPLATES.md §B), built fresh on each call. */
export function buildTeamCollaboration(): AppDefinition {
  return structuredClone({
    id: "team-collaboration",
    name: teamCollaborationMeta.name,
    description: teamCollaborationMeta.summary,
    forms: [teamGoalForm, coreCustomerForm(), dealForm, collabTaskForm, coreFollowUpForm()],
    rules: teamCollaborationRules(),
    kpis: teamCollaborationKpis(),
    dashboards: teamCollaborationDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B5 as a catalogue entry. */
export const teamCollaborationTemplate: TemplateEntry = {
  meta: teamCollaborationMeta,
  definition: buildTeamCollaboration(),
  demoData: teamCollaborationDemo,
};
