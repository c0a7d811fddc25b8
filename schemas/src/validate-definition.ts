import { ajv, type ValidateFunction, type ValidationIssue } from "./ajv.js";
import { AppDefinitionSchema, type AppDefinition } from "./app.js";
import { DEFINITION_CHECKS } from "./semantic/checks.js";
import { findForbiddenKeys } from "./semantic/forbidden-keys.js";
import { structuralIssues } from "./semantic/structural-issues.js";

export {
  DEFINITION_ERROR_CODES,
  isDefinitionErrorCode,
  type DefinitionErrorCode,
} from "./semantic/error-codes.js";
export { DEFINITION_CHECKS, type DefinitionCheck } from "./semantic/checks.js";
export { DEFINITION_LIMITS } from "./semantic/limits.js";

/** The outcome of validating an app definition: the typed definition, or every problem at once. */
export type DefinitionValidation =
  { valid: true; definition: AppDefinition; errors: [] } | { valid: false; errors: ValidationIssue[] };

// Compiled once, on first use: compiling the whole app schema takes far longer than validating
// with it, and importers that never validate a definition (record validation, the UI's form
// renderer) should not pay for it at load time.
let compiledStructure: ValidateFunction<AppDefinition> | undefined;
function structureValidator(): ValidateFunction<AppDefinition> {
  compiledStructure ??= ajv.compile<AppDefinition>(AppDefinitionSchema);
  return compiledStructure;
}

/** Whether `path` is one of `prefixes` or inside one (linear in the path's length). */
function within(path: string, prefixes: ReadonlySet<string>): boolean {
  for (let end = path.length; end > 0; end = path.lastIndexOf("/", end - 1)) {
    if (prefixes.has(path.slice(0, end))) return true;
  }
  return false;
}

/**
 * Validate an app definition: forbidden keys, then the JSON Schema, then (only when both pass)
 * the semantic checks. Never throws for any JSON value; returns every problem at once.
 */
export function validateDefinition(json: unknown): DefinitionValidation {
  const forbidden = findForbiddenKeys(json);
  const validateStructure = structureValidator();
  if (validateStructure(json) && forbidden.length === 0) {
    const errors = DEFINITION_CHECKS.flatMap((check) => check(json));
    return errors.length === 0 ? { valid: true, definition: json, errors: [] } : { valid: false, errors };
  }
  // A forbidden key is also an unknown property to the schema: report it once.
  const forbiddenPaths = new Set(forbidden.map((f) => f.path));
  const structural = structuralIssues(validateStructure.errors, AppDefinitionSchema).filter(
    (found) => !within(found.path, forbiddenPaths),
  );
  return { valid: false, errors: [...forbidden, ...structural] };
}
