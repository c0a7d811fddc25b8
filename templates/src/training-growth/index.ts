import type { AppDefinition } from "@stagecraft/schemas";
import { customerForm, dealForm, followUpForm } from "../styles/group-d-core.js";
import type { TemplateEntry } from "../template-entry.js";
import { trainingDashboards } from "./dashboards.js";
import { trainingDemoData } from "./demo-data.js";
import { assessmentForm } from "./forms/assessment.js";
import { courseForm } from "./forms/course.js";
import { learningPlanForm } from "./forms/learning-plan.js";
import { trainingKpis } from "./kpis.js";
import { trainingMeta } from "./meta.js";
import { trainingRules } from "./rules.js";

/** B20 `training-growth` (TEMPLATES.md §B20), built fresh on each call. */
export function buildTrainingGrowth(): AppDefinition {
  const definition: AppDefinition = {
    id: "training-growth",
    name: trainingMeta.name,
    description: trainingMeta.summary,
    forms: [customerForm(), dealForm(), followUpForm(), courseForm, learningPlanForm, assessmentForm],
    rules: trainingRules(),
    kpis: trainingKpis(),
    dashboards: trainingDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  };
  return structuredClone(definition);
}

/** B20 as a catalogue entry. */
export const trainingGrowthTemplate: TemplateEntry = {
  meta: trainingMeta,
  definition: buildTrainingGrowth(),
  demoData: trainingDemoData,
};
