// What the automation of a scenario actually did, read from the rule runs' effect logs.
import type { ScenarioRun } from "./scenario.js";

/** Rule ids with at least one run that applied an action (a false condition applies nothing). */
export function appliedRules(runs: readonly ScenarioRun[]): Set<string> {
  return new Set(
    runs
      .filter((run) => run.status === "succeeded" && run.effects.some((e) => e.outcome === "applied"))
      .map((run) => run.ruleId),
  );
}

/** Runs that failed or died, as "rule: error" lines (a scenario expects none). */
export function failedRuns(runs: readonly ScenarioRun[]): string[] {
  return runs
    .filter((run) => run.status === "failed" || run.status === "dead")
    .map((run) => `${run.ruleId}: ${run.error ?? "?"}`);
}

/** A file field value as the API takes it. */
export function file(id: string, name: string): { id: string; name: string }[] {
  return [{ id, name }];
}
