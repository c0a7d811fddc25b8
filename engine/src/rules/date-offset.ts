import type { CompiledApp } from "../compiled-app.js";
import type { EngineContext } from "../context.js";
import { DAY_MS, formatDay } from "../time/civil-date.js";
import { parseInstant } from "./fire-times.js";
import { ruleZone } from "./rule-zone.js";

/** Records of `formId` whose `field` holds `date` fire rule `ruleId` today. */
export interface DateOffsetTarget {
  ruleId: string;
  formId: string;
  field: string;
  /** The calendar date, "YYYY-MM-DD". */
  date: string;
}

/**
 * For each enabled date.offset rule whose time of day (`at`, default 00:00) has come, the date a
 * record's field must hold for the rule to fire today: today (in the rule's time zone, else the
 * context's, else the app's) minus `days`. The runtime queries records by that date and starts
 * each (rule, record, date) once.
 */
export function dateOffsetTargets(app: CompiledApp, ctx: EngineContext): DateOffsetTarget[] {
  const now = parseInstant(ctx.now);
  const targets: DateOffsetTarget[] = [];
  for (const { rule, trigger } of app.rules.dateOffsets) {
    const wallMs = ruleZone(trigger.timeZone ?? ctx.timeZone ?? app.timeZone).wallAt(now);
    // The wall-clock time read as UTC: "YYYY-MM-DDTHH:MM…" of the zone.
    if (new Date(wallMs).toISOString().slice(11, 16) < (trigger.at ?? "00:00")) continue;
    const date = formatDay(Math.floor(wallMs / DAY_MS) - trigger.days);
    if (date !== null) targets.push({ ruleId: rule.id, formId: trigger.form, field: trigger.field, date });
  }
  return targets;
}
