import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { socialMediaDashboards } from "./dashboards.js";
import { socialMediaDemo } from "./demo-data.js";
import { communityForm } from "./forms/community.js";
import { contentPostForm } from "./forms/content-post.js";
import { customerForm, dealForm } from "./forms/customer-deal.js";
import { socialLeadForm } from "./forms/social-lead.js";
import { socialMediaKpis } from "./kpis.js";
import { socialMediaMeta } from "./meta.js";
import { socialMediaRules } from "./rules.js";

/** The social media sales app definition (TEMPLATES.md B15), built fresh on each call. */
export function buildSocialMediaSales(): AppDefinition {
  return structuredClone<AppDefinition>({
    id: "social-media-sales",
    name: socialMediaMeta.name,
    description: socialMediaMeta.summary,
    forms: [contentPostForm, socialLeadForm, communityForm, customerForm, dealForm],
    rules: socialMediaRules(),
    kpis: socialMediaKpis(),
    dashboards: socialMediaDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** Social media sales as a catalogue entry. */
export const socialMediaSalesTemplate: TemplateEntry = {
  meta: socialMediaMeta,
  definition: buildSocialMediaSales(),
  demoData: socialMediaDemo,
};
