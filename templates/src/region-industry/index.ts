import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { regionIndustryDashboards } from "./dashboards.js";
import { regionIndustryDemo } from "./demo-data.js";
import { customerForm } from "./forms/customer.js";
import { dealForm } from "./forms/deal.js";
import { territoryForm } from "./forms/territory.js";
import { territoryReviewForm } from "./forms/territory-review.js";
import { regionIndustryKpis } from "./kpis.js";
import { regionIndustryMeta } from "./meta.js";
import { regionIndustryRules } from "./rules.js";

/** The region-industry app definition (TEMPLATES.md B9), built fresh on each call. */
export function buildRegionIndustry(): AppDefinition {
  return structuredClone({
    id: "region-industry",
    name: regionIndustryMeta.name,
    description: regionIndustryMeta.summary,
    forms: [territoryForm, customerForm, territoryReviewForm, dealForm],
    rules: regionIndustryRules(),
    kpis: regionIndustryKpis(),
    dashboards: regionIndustryDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B9 as a catalogue entry. */
export const regionIndustryTemplate: TemplateEntry = {
  meta: regionIndustryMeta,
  definition: buildRegionIndustry(),
  demoData: regionIndustryDemo,
};
