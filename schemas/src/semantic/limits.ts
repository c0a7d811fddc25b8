import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import { MAX_EXPRESSION_DEPTH } from "../expression-analysis.js";
import { issue } from "./issue.js";

/**
 * Limits of a whole definition beyond what the JSON Schema caps per list. Expression depth is
 * checked with each expression (MAX_EXPRESSION_DEPTH, see expressions.ts).
 */
export const DEFINITION_LIMITS = {
  /** Rules per app: the rule index and the outbox stay small enough to scan per event. */
  rules: 1000,
  /** Nesting of one expression (checked by checkExpressions through analyzeExpression). */
  expressionDepth: MAX_EXPRESSION_DEPTH,
} as const;

/** App-wide limits (kept even if a schema cap is raised, so the engine's bounds hold). */
export function checkLimits(app: AppDefinition): ValidationIssue[] {
  const rules = app.rules?.length ?? 0;
  if (rules <= DEFINITION_LIMITS.rules) return [];
  return [
    issue("/rules", "too_many_rules", `${rules} rules; at most ${DEFINITION_LIMITS.rules} are allowed`, {
      count: rules,
      limit: DEFINITION_LIMITS.rules,
    }),
  ];
}
