import type { AppDefinition } from "@stagecraft/schemas";
import { customerForm, dealForm, followUpForm } from "../styles/group-d-core.js";
import type { TemplateEntry } from "../template-entry.js";
import { incentiveDashboards } from "./dashboards.js";
import { incentiveDemoData } from "./demo-data.js";
import { commissionPlanForm } from "./forms/commission-plan.js";
import { commissionStatementForm } from "./forms/commission-statement.js";
import { recognitionForm } from "./forms/recognition.js";
import { incentiveKpis } from "./kpis.js";
import { incentiveMeta } from "./meta.js";
import { incentiveRules } from "./rules.js";

/** B19 `incentive-driven` (TEMPLATES.md §B19), built fresh on each call. */
export function buildIncentiveDriven(): AppDefinition {
  const definition: AppDefinition = {
    id: "incentive-driven",
    name: incentiveMeta.name,
    description: incentiveMeta.summary,
    forms: [
      customerForm(),
      dealForm(),
      followUpForm(),
      commissionPlanForm,
      commissionStatementForm,
      recognitionForm,
    ],
    rules: incentiveRules(),
    kpis: incentiveKpis(),
    dashboards: incentiveDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  };
  return structuredClone(definition);
}

/** B19 as a catalogue entry. */
export const incentiveDrivenTemplate: TemplateEntry = {
  meta: incentiveMeta,
  definition: buildIncentiveDriven(),
  demoData: incentiveDemoData,
};
