import type { Rule, Trigger } from "@stagecraft/schemas";
import { compileRule, type CompiledRule } from "./compile-rule.js";
import type { CronSchedule } from "./cron.js";

/** An enabled schedule rule with its parsed cron and time zone. */
export interface ScheduledRule {
  readonly rule: CompiledRule;
  readonly cron: CronSchedule;
  readonly timeZone: string;
}

/** An enabled date.offset rule with its trigger. */
export interface DateOffsetRule {
  readonly rule: CompiledRule;
  readonly trigger: Extract<Trigger, { type: "date.offset" }>;
}

/** The stage segment of a key for triggers without a stage (any stage). */
export const ANY_STAGE = "*";

/**
 * Rules compiled once and indexed for matching: an event looks up a few buckets by key instead
 * of scanning every rule. Buckets hold only enabled rules, in definition order.
 */
export interface RuleIndex {
  /** Every rule, enabled or not, in definition order. */
  readonly rules: readonly CompiledRule[];
  /** Every rule by id, disabled ones included (manual, webhook and schedule runs look up by id). */
  readonly ruleById: ReadonlyMap<string, CompiledRule>;
  /** Enabled rules by ruleKey(...): see keysOf for the keys of each trigger. */
  readonly byKey: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Enabled schedule rules, for the scheduler tick. */
  readonly schedules: readonly ScheduledRule[];
  /** Enabled date.offset rules, for the daily date query. */
  readonly dateOffsets: readonly DateOffsetRule[];
}

/** The index key of a trigger type, a form and the finer segments (stage, field, days). */
export function ruleKey(type: Trigger["type"], form: string | undefined, ...more: readonly string[]): string {
  return [type, form ?? "", ...more].join("|");
}

/**
 * The keys a trigger is indexed under: always `type|form`; stage triggers also `type|form|stage`
 * (`*` for any stage), field.changed `type|form|field` per field, date.offset `type|form|field|days`.
 */
function keysOf(trigger: Trigger): string[] {
  const base = ruleKey(trigger.type, trigger.form);
  switch (trigger.type) {
    case "stage.entered":
    case "stage.left":
    case "stage.overdue":
    case "record.idle":
    case "approval.requested":
    case "approval.approved":
    case "approval.rejected":
    case "approval.overdue":
      return [base, ruleKey(trigger.type, trigger.form, trigger.stage ?? ANY_STAGE)];
    case "field.changed":
      return [base, ...new Set(trigger.fields.map((field) => ruleKey(trigger.type, trigger.form, field)))];
    case "date.offset":
      return [base, ruleKey(trigger.type, trigger.form, trigger.field, String(trigger.days))];
    default:
      return [base];
  }
}

/**
 * Compile every rule once and index the enabled ones by trigger. Throws ExpressionError or
 * RuleError for an invalid rule (see checkRules for every problem at once).
 */
export function buildRuleIndex(rules: readonly Rule[]): RuleIndex {
  const compiled = rules.map((rule, order) => compileRule(rule, order));
  const ruleById = new Map<string, CompiledRule>();
  const byKey = new Map<string, CompiledRule[]>();
  const schedules: ScheduledRule[] = [];
  const dateOffsets: DateOffsetRule[] = [];
  for (const rule of compiled) {
    if (!ruleById.has(rule.id)) ruleById.set(rule.id, rule);
    if (!rule.enabled) continue;
    const trigger = rule.rule.trigger;
    if (trigger.type === "schedule" && rule.cron)
      schedules.push({ rule, cron: rule.cron, timeZone: trigger.timeZone });
    if (trigger.type === "date.offset") dateOffsets.push({ rule, trigger });
    for (const key of keysOf(trigger)) {
      const bucket = byKey.get(key);
      if (bucket === undefined) byKey.set(key, [rule]);
      else bucket.push(rule);
    }
  }
  return { rules: compiled, ruleById, byKey, schedules, dateOffsets };
}
