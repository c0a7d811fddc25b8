import type { AppDefinition } from "@stagecraft/schemas";
import { coreCustomerForm, coreFollowUpForm } from "../shared/plain-core-forms.js";
import type { TemplateEntry } from "../template-entry.js";
import { dataDrivenDashboards } from "./dashboards.js";
import { dataDrivenDemo } from "./demo-data.js";
import { activityLogForm } from "./forms/activity-log.js";
import { dealForm } from "./forms/deal.js";
import { forecastSnapshotForm } from "./forms/forecast-snapshot.js";
import { metricDefinitionForm } from "./forms/metric-definition.js";
import { dataDrivenKpis } from "./kpis.js";
import { dataDrivenMeta } from "./meta.js";
import { dataDrivenRules } from "./rules.js";

/** B4 `data-driven` (TEMPLATES.md §B), built fresh on each call. */
export function buildDataDriven(): AppDefinition {
  return structuredClone({
    id: "data-driven",
    name: dataDrivenMeta.name,
    description: dataDrivenMeta.summary,
    forms: [
      coreCustomerForm(),
      dealForm,
      activityLogForm,
      metricDefinitionForm,
      forecastSnapshotForm,
      coreFollowUpForm(),
    ],
    rules: dataDrivenRules(),
    kpis: dataDrivenKpis(),
    dashboards: dataDrivenDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B4 as a catalogue entry. */
export const dataDrivenTemplate: TemplateEntry = {
  meta: dataDrivenMeta,
  definition: buildDataDriven(),
  demoData: dataDrivenDemo,
};
