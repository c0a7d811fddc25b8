import { agileSalesTemplate } from "../agile-sales/index.js";
import { customerTieringTemplate } from "../customer-tiering/index.js";
import { dataDrivenTemplate } from "../data-driven/index.js";
import { goalOrientedTemplate } from "../goal-oriented/index.js";
import { structuredSalesTemplate } from "../structured-sales/index.js";
import { teamCollaborationTemplate } from "../team-collaboration/index.js";
import type { TemplateEntry } from "../template-entry.js";

/** Management-style templates of catalogue group A (TEMPLATES.md §B), in catalogue order. */
export const groupATemplates: TemplateEntry[] = [
  structuredSalesTemplate,
  agileSalesTemplate,
  customerTieringTemplate,
  dataDrivenTemplate,
  teamCollaborationTemplate,
  goalOrientedTemplate,
];
