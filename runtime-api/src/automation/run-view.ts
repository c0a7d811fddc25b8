import type { RuleRun } from "./rule-run.js";

/** A rule run as the API shows it (GET …/runs, POST …/retry). */
export interface RunView {
  id: string;
  ruleId: string;
  recordId: string | null;
  appVersion: number;
  trigger: unknown;
  depth: number;
  status: string;
  attempts: number;
  maxAttempts: number;
  nextAction: number;
  error: string | null;
  runAt: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  effects: unknown[];
}

/** The API view of a run. */
export function runView(run: RuleRun): RunView {
  return {
    id: run.id,
    ruleId: run.ruleId,
    recordId: run.recordId,
    appVersion: run.appVersion,
    trigger: run.trigger,
    depth: run.depth,
    status: run.status,
    attempts: run.attempts,
    maxAttempts: run.maxAttempts,
    nextAction: run.nextAction,
    error: run.error,
    runAt: run.runAt.toISOString(),
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    effects: run.effects,
  };
}
