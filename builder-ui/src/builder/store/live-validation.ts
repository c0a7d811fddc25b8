import { validateDefinition, type ValidationIssue } from "@stagecraft/schemas";
import { useDeferredValue, useMemo } from "react";
import { useBuilder } from "./store-context.js";

/** Every problem of the edited definition, recomputed (deferred, so typing stays fluid) after each edit. */
export function useLiveIssues(): { definition: unknown; issues: readonly ValidationIssue[] } {
  const definition = useDeferredValue(useBuilder((s) => s.definition));
  const issues = useMemo(() => validateDefinition(definition).errors, [definition]);
  return { definition, issues };
}
