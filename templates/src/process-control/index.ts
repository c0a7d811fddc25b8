import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { processControlDashboards } from "./dashboards.js";
import { processControlDemo } from "./demo-data.js";
import { activityStandardForm } from "./forms/activity-standard.js";
import { customerForm } from "./forms/customer.js";
import { dealForm } from "./forms/deal.js";
import { processScorecardForm } from "./forms/process-scorecard.js";
import { visitRecordForm } from "./forms/visit-record.js";
import { processControlKpis } from "./kpis.js";
import { processControlMeta } from "./meta.js";
import { processControlRules } from "./rules.js";

/** The process-control app definition (TEMPLATES.md B7), built fresh on each call. */
export function buildProcessControl(): AppDefinition {
  return structuredClone({
    id: "process-control",
    name: processControlMeta.name,
    description: processControlMeta.summary,
    forms: [activityStandardForm, customerForm, dealForm, visitRecordForm, processScorecardForm],
    rules: processControlRules(),
    kpis: processControlKpis(),
    dashboards: processControlDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B7 as a catalogue entry. */
export const processControlTemplate: TemplateEntry = {
  meta: processControlMeta,
  definition: buildProcessControl(),
  demoData: processControlDemo,
};
