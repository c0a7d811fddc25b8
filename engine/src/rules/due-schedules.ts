import type { CompiledApp } from "../compiled-app.js";
import { nextFireTimes } from "./fire-times.js";

/** One firing of a schedule rule. */
export interface DueSchedule {
  ruleId: string;
  /** The fire time, ISO 8601 UTC. */
  at: string;
}

/**
 * Every firing in (after, until] of the app's enabled schedule rules, each in its own time zone,
 * ordered by time (then by rule order): what one scheduler tick must start.
 */
export function dueScheduleRules(app: CompiledApp, after: string, until: string): DueSchedule[] {
  const due: DueSchedule[] = [];
  for (const { rule, cron, timeZone } of app.rules.schedules) {
    for (const at of nextFireTimes(cron, timeZone, after, until)) due.push({ ruleId: rule.id, at });
  }
  return due.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
