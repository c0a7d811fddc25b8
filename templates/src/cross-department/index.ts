import type { AppDefinition } from "@stagecraft/schemas";
import { customerForm, dealForm, followUpForm } from "../styles/group-d-core.js";
import type { TemplateEntry } from "../template-entry.js";
import { crossDeptDashboards } from "./dashboards.js";
import { crossDeptDemoData } from "./demo-data.js";
import { crossDeptDealFields, crossDeptDealStages } from "./forms/deal.js";
import { deptRequestForm } from "./forms/dept-request.js";
import { handoverForm } from "./forms/handover.js";
import { crossDeptKpis } from "./kpis.js";
import { crossDeptMeta } from "./meta.js";
import { crossDeptRules } from "./rules.js";

/** B23 `cross-department` (TEMPLATES.md §B23), built fresh on each call. */
export function buildCrossDepartment(): AppDefinition {
  const definition: AppDefinition = {
    id: "cross-department",
    name: crossDeptMeta.name,
    description: crossDeptMeta.summary,
    forms: [
      customerForm(),
      dealForm(crossDeptDealFields(), crossDeptDealStages()),
      followUpForm(),
      deptRequestForm,
      handoverForm,
    ],
    rules: crossDeptRules(),
    kpis: crossDeptKpis(),
    dashboards: crossDeptDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  };
  return structuredClone(definition);
}

/** B23 as a catalogue entry. */
export const crossDepartmentTemplate: TemplateEntry = {
  meta: crossDeptMeta,
  definition: buildCrossDepartment(),
  demoData: crossDeptDemoData,
};
