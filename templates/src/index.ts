export {
  catalogue,
  countDefinition,
  createCatalogue,
  getTemplate,
  listTemplates,
  type Catalogue,
  type TemplateCounts,
  type TemplateEntry,
  type TemplateMeta,
  type TemplateSummary,
} from "./catalogue.js";
export {
  buildSalesPlan,
  salesPlanTemplate,
  SALES_PLAN_IMPORT_MAPS,
  SALES_PLAN_ROLLOUT,
  type ImportColumn,
  type ImportMap,
  type RolloutPhase,
  type RolloutStep,
} from "./sales-plan/index.js";
