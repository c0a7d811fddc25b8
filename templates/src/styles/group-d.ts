import { crossDepartmentTemplate } from "../cross-department/index.js";
import { customerExperienceTemplate } from "../customer-experience/index.js";
import { digitalSalesTemplate } from "../digital-sales/index.js";
import { incentiveDrivenTemplate } from "../incentive-driven/index.js";
import { leanSalesTemplate } from "../lean-sales/index.js";
import type { TemplateEntry } from "../template-entry.js";
import { trainingGrowthTemplate } from "../training-growth/index.js";

/** Management-style templates of catalogue group D (TEMPLATES.md §B), in catalogue order. */
export const groupDTemplates: TemplateEntry[] = [
  incentiveDrivenTemplate,
  trainingGrowthTemplate,
  customerExperienceTemplate,
  leanSalesTemplate,
  crossDepartmentTemplate,
  digitalSalesTemplate,
];
