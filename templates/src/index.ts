export {
  catalogue,
  countDefinition,
  createCatalogue,
  getTemplate,
  getTemplateDemo,
  composeShippedTemplates,
  listTemplates,
  type Catalogue,
  type DemoData,
  type DemoRecord,
  type DemoValue,
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
export { composeTemplates, type Composition, type CompositionNote } from "./compose.js";
export { TEMPLATE_COMBINATIONS, type TemplateCombination } from "./combinations.js";
