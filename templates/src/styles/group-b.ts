import { customerLifecycleTemplate } from "../customer-lifecycle/index.js";
import { keyAccountManagementTemplate } from "../key-account-management/index.js";
import { processControlTemplate } from "../process-control/index.js";
import { productLineTemplate } from "../product-line/index.js";
import { projectBasedTemplate } from "../project-based/index.js";
import { regionIndustryTemplate } from "../region-industry/index.js";
import type { TemplateEntry } from "../template-entry.js";

/** Management-style templates of catalogue group B (TEMPLATES.md §B), in catalogue order. */
export const groupBTemplates: TemplateEntry[] = [
  processControlTemplate,
  customerLifecycleTemplate,
  regionIndustryTemplate,
  productLineTemplate,
  projectBasedTemplate,
  keyAccountManagementTemplate,
];
