import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { telesalesDashboards } from "./dashboards.js";
import { telesalesDemo } from "./demo-data.js";
import { callLogForm } from "./forms/call-log.js";
import { callScriptForm } from "./forms/call-script.js";
import { prospectForm } from "./forms/prospect.js";
import { telesalesKpis } from "./kpis.js";
import { telesalesMeta } from "./meta.js";
import { telesalesRules } from "./rules.js";

/** The telesales app definition (TEMPLATES.md B16), built fresh on each call. */
export function buildTelesales(): AppDefinition {
  return structuredClone<AppDefinition>({
    id: "telesales",
    name: telesalesMeta.name,
    description: telesalesMeta.summary,
    forms: [prospectForm, callScriptForm, callLogForm],
    rules: telesalesRules(),
    kpis: telesalesKpis(),
    dashboards: telesalesDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** Telesales as a catalogue entry. */
export const telesalesTemplate: TemplateEntry = {
  meta: telesalesMeta,
  definition: buildTelesales(),
  demoData: telesalesDemo,
};
