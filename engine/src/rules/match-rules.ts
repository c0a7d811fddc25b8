import type { CompiledApp } from "../compiled-app.js";
import type { EngineContext } from "../context.js";
import { expressionData } from "../record-state.js";
import type { CompiledRule } from "./compile-rule.js";
import { conditionHolds, evalContextOf } from "./condition.js";
import type { RecordEvent } from "./record-event.js";
import { ANY_STAGE, ruleKey, type RuleIndex } from "./rule-index.js";

/** The rules an event starts, in definition order; `cascadeLimited` when the depth limit stopped them. */
export interface MatchResult {
  rules: CompiledRule[];
  cascadeLimited: boolean;
}

const NONE: readonly CompiledRule[] = [];

function bucket(index: RuleIndex, key: string): readonly CompiledRule[] {
  return index.byKey.get(key) ?? NONE;
}

/** Merge buckets (each in definition order) into one list in definition order, without repeats. */
function merged(lists: readonly (readonly CompiledRule[])[]): readonly CompiledRule[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  const [first] = nonEmpty;
  if (first === undefined) return NONE;
  if (nonEmpty.length === 1) return first;
  return [...new Set(nonEmpty.flat())].sort((a, b) => a.order - b.order);
}

/** The rule named by a schedule, webhook or manual event, if it is enabled and fits the event. */
function byId(index: RuleIndex, event: RecordEvent & { ruleId: string }): readonly CompiledRule[] {
  const rule = index.ruleById.get(event.ruleId);
  if (rule === undefined || !rule.enabled || rule.rule.trigger.type !== event.type) return NONE;
  const form = rule.rule.trigger.form;
  if (form !== undefined && event.formId !== undefined && form !== event.formId) return NONE;
  return [rule];
}

/** Stage-scoped triggers: rules of this stage and rules of any stage. */
function byStage(index: RuleIndex, event: RecordEvent & { stage: string }): readonly CompiledRule[] {
  return merged([
    bucket(index, ruleKey(event.type, event.formId, event.stage)),
    bucket(index, ruleKey(event.type, event.formId, ANY_STAGE)),
  ]);
}

/** The rules whose trigger fits the event, before their `when` conditions. */
function candidates(index: RuleIndex, event: RecordEvent): readonly CompiledRule[] {
  switch (event.type) {
    case "record.created":
      return bucket(index, ruleKey(event.type, event.formId));
    case "record.updated":
      return merged([
        bucket(index, ruleKey(event.type, event.formId)),
        ...event.changed.map((field) => bucket(index, ruleKey("field.changed", event.formId, field))),
      ]);
    case "stage.entered":
    case "stage.left":
    case "stage.overdue":
    case "approval.requested":
    case "approval.approved":
    case "approval.rejected":
    case "approval.overdue":
      return byStage(index, event);
    case "record.idle": {
      const stage = event.record.stage;
      const lists = [bucket(index, ruleKey(event.type, event.formId, ANY_STAGE))];
      if (stage !== undefined) lists.unshift(bucket(index, ruleKey(event.type, event.formId, stage)));
      return merged(lists).filter(
        (r) => r.rule.trigger.type === "record.idle" && event.idleDays >= r.rule.trigger.days,
      );
    }
    case "date.offset":
      return bucket(index, ruleKey(event.type, event.formId, event.field, String(event.days)));
    case "schedule":
    case "webhook":
    case "manual":
      return byId(index, event);
  }
}

/** The data a rule's `when` reads: the record's fields and system columns, plus event extras. */
function conditionData(event: RecordEvent): Record<string, unknown> {
  const data: Record<string, unknown> = event.record !== undefined ? expressionData(event.record) : {};
  if (event.type === "record.updated") data["_previous"] = event.previous;
  if (event.type === "webhook") data["_payload"] = event.payload;
  return data;
}

/**
 * The rules an event starts: those whose trigger fits the event (looked up by key, never by
 * scanning all rules) and whose `when` holds for the record (`_previous` holds the data before
 * an update, `_payload` a webhook's body); a `when` that fails to evaluate does not match.
 * At or past the app's cascade depth nothing matches and `cascadeLimited` is set.
 */
export function matchRules(app: CompiledApp, event: RecordEvent, ctx: EngineContext): MatchResult {
  if (event.depth >= app.cascadeDepth) return { rules: [], cascadeLimited: true };
  const found = candidates(app.rules, event);
  if (found.length === 0) return { rules: [], cascadeLimited: false };
  let data: Record<string, unknown> | undefined;
  const evalContext = evalContextOf(ctx, app.timeZone);
  const rules = found.filter((rule) => {
    if (rule.when === undefined) return true;
    data ??= conditionData(event);
    return conditionHolds(rule.when, data, evalContext);
  });
  return { rules, cascadeLimited: false };
}
