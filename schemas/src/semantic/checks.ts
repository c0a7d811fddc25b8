import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import { checkActionReferences } from "./action-references.js";
import { checkAggregateReferences } from "./aggregate-references.js";
import { checkDashboardReferences } from "./dashboard-references.js";
import { checkExpressions } from "./expressions.js";
import { checkFieldOptions } from "./field-options.js";
import { checkFormReferences } from "./form-references.js";
import { checkFormulaCycles } from "./formula-cycles.js";
import { checkGoalSplits } from "./goal-splits.js";
import { checkKpiReferences } from "./kpi-references.js";
import { checkLimits } from "./limits.js";
import { checkSettingsReferences } from "./settings-references.js";
import { checkTriggerReferences } from "./trigger-references.js";
import { checkUniqueIds } from "./unique-ids.js";

/** A semantic check of a structurally valid definition: every problem it finds, as data. */
export type DefinitionCheck = (app: AppDefinition) => ValidationIssue[];

/** The semantic checks, in the order their issues are reported. */
export const DEFINITION_CHECKS: readonly DefinitionCheck[] = [
  checkUniqueIds,
  checkFormReferences,
  checkAggregateReferences,
  checkTriggerReferences,
  checkActionReferences,
  checkKpiReferences,
  checkDashboardReferences,
  checkSettingsReferences,
  checkExpressions,
  checkFormulaCycles,
  checkFieldOptions,
  checkGoalSplits,
  checkLimits,
];
