import type { AppDefinition } from "@stagecraft/schemas";
import { customerForm, dealForm, followUpForm } from "../styles/group-d-core.js";
import type { TemplateEntry } from "../template-entry.js";
import { experienceDashboards } from "./dashboards.js";
import { experienceDemoData } from "./demo-data.js";
import { complaintForm } from "./forms/complaint.js";
import { experienceCustomerFields } from "./forms/customer-fields.js";
import { recentSurveysAggregate, recentSurveysField } from "./forms/recent-surveys.js";
import { surveyForm } from "./forms/survey.js";
import { experienceKpis } from "./kpis.js";
import { experienceMeta } from "./meta.js";
import { experienceRules } from "./rules.js";

/** B21 `customer-experience` (TEMPLATES.md §B21), built fresh on each call. */
export function buildCustomerExperience(): AppDefinition {
  const definition: AppDefinition = {
    id: "customer-experience",
    name: experienceMeta.name,
    description: experienceMeta.summary,
    forms: [
      customerForm(experienceCustomerFields()),
      { ...dealForm([recentSurveysField()]), aggregates: [recentSurveysAggregate()] },
      followUpForm(),
      surveyForm,
      complaintForm,
    ],
    rules: experienceRules(),
    kpis: experienceKpis(),
    dashboards: experienceDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  };
  return structuredClone(definition);
}

/** B21 as a catalogue entry. */
export const customerExperienceTemplate: TemplateEntry = {
  meta: experienceMeta,
  definition: buildCustomerExperience(),
  demoData: experienceDemoData,
};
