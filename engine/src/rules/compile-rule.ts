import type { Action, ActionType, Rule } from "@stagecraft/schemas";
import { compileExpression, type CompiledExpression } from "../expression/index.js";
import { parseCron, type CronSchedule } from "./cron.js";
import { ruleZone } from "./rule-zone.js";

/** The action of a given type. */
export type ActionOf<K extends ActionType> = Extract<Action, { type: K }>;

/** Field id → compiled expression, in definition order. */
export type FieldExpressions = readonly (readonly [string, CompiledExpression])[];

/** What each action type compiles once: its expressions and lookups. */
export interface CompiledActionParts {
  set_field: { readonly value: CompiledExpression };
  create_record: { readonly data: FieldExpressions };
  update_records: { readonly set: FieldExpressions; readonly increment: FieldExpressions };
  /** by_field strategies: field value → user id (the first mapping of a value wins). */
  assign_owner: { readonly byValue: ReadonlyMap<string, string> };
  /** notify renders its templates when planned: nothing to compile. */
  notify: null;
  webhook: { readonly body?: CompiledExpression };
  move_stage: null;
  /** The delay in milliseconds (days count as 24 hours). */
  wait: { readonly delayMs: number };
}

/** An action with its compiled parts, correlated by `type`. */
export type CompiledAction<K extends ActionType = ActionType> = {
  [P in K]: { readonly type: P; readonly action: ActionOf<P>; readonly parts: CompiledActionParts[P] };
}[K];

/** A rule prepared once: its condition and action expressions compiled. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly id: string;
  /** Position in the definition: matches are answered in this order. */
  readonly order: number;
  readonly enabled: boolean;
  readonly when?: CompiledExpression;
  readonly actions: readonly CompiledAction[];
  /** The parsed cron of a schedule trigger. */
  readonly cron?: CronSchedule;
}

function fieldExpressions(values: Readonly<Record<string, unknown>> | undefined): FieldExpressions {
  return Object.entries(values ?? {}).map(([field, expr]): readonly [string, CompiledExpression] => [
    field,
    compileExpression(expr),
  ]);
}

const MINUTE_MS = 60_000;

/** Compile one action; the return type makes a missing action type a compile error. */
function compileAction(action: Action): CompiledAction {
  switch (action.type) {
    case "set_field":
      return { type: action.type, action, parts: { value: compileExpression(action.value) } };
    case "create_record":
      return { type: action.type, action, parts: { data: fieldExpressions(action.data) } };
    case "update_records": {
      const parts = { set: fieldExpressions(action.set), increment: fieldExpressions(action.increment) };
      return { type: action.type, action, parts };
    }
    case "assign_owner": {
      const byValue = new Map<string, string>();
      if (action.strategy.type === "by_field") {
        for (const { value, userId } of action.strategy.map)
          if (!byValue.has(value)) byValue.set(value, userId);
      }
      return { type: action.type, action, parts: { byValue } };
    }
    case "webhook": {
      const parts = action.body !== undefined ? { body: compileExpression(action.body) } : {};
      return { type: action.type, action, parts };
    }
    case "wait": {
      const minutes = ((action.days ?? 0) * 24 + (action.hours ?? 0)) * 60 + (action.minutes ?? 0);
      return { type: action.type, action, parts: { delayMs: minutes * MINUTE_MS } };
    }
    case "notify":
      return { type: action.type, action, parts: null };
    case "move_stage":
      return { type: action.type, action, parts: null };
  }
}

/**
 * Compile a rule at its position in the definition. Throws ExpressionError for an invalid
 * condition or action expression and RuleError for an invalid cron or time zone.
 */
export function compileRule(rule: Rule, order: number): CompiledRule {
  const trigger = rule.trigger;
  // Unknown time zones fail at publish, not at the first scheduler tick.
  if (trigger.type === "schedule") ruleZone(trigger.timeZone);
  if (trigger.type === "date.offset" && trigger.timeZone !== undefined) ruleZone(trigger.timeZone);
  return {
    rule,
    id: rule.id,
    order,
    enabled: rule.enabled !== false,
    ...(rule.when !== undefined ? { when: compileExpression(rule.when) } : {}),
    actions: rule.actions.map(compileAction),
    ...(trigger.type === "schedule" ? { cron: parseCron(trigger.cron) } : {}),
  };
}
