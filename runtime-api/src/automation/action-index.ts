import { isDeepStrictEqual } from "node:util";
import type { CompiledRule, Effect, ResolvedTarget } from "@stagecraft/engine";
import type { RecordTarget } from "@stagecraft/schemas";

// planActions answers a flat list of effects: an action plans one effect or none (set_field
// without a record, notify without recipients…). Record effects are made idempotent per
// (run, action index), so each effect needs the index of the action that planned it. Webhook
// effects carry it in their idempotency key (`${runId}:${index}`), waits as `resumeAt - 1`; the
// others are matched in order to the next action of the same type and the same target (field,
// form, stage, strategy, recipients), which is exact unless an earlier action of the very same
// kind and target planned nothing.

function keyIndex(idempotencyKey: string): number | undefined {
  const tail = idempotencyKey.slice(idempotencyKey.lastIndexOf(":") + 1);
  const index = Number(tail);
  return tail !== "" && Number.isInteger(index) && index >= 0 ? index : undefined;
}

/** Which resolved target each kind of update_records target becomes. */
const TARGETS: Readonly<Record<RecordTarget["type"], ResolvedTarget["type"]>> = {
  reference: "ids",
  referencing: "referencing",
  filter: "filter",
};

function sameKeys(
  a: Readonly<Record<string, unknown>> | undefined,
  b: Readonly<Record<string, unknown>>,
): boolean {
  return isDeepStrictEqual(Object.keys(a ?? {}).sort(), Object.keys(b).sort());
}

/** Whether an action of the rule could have planned the effect. */
function planned(rule: CompiledRule, index: number, effect: Effect): boolean {
  const compiled = rule.actions[index];
  if (compiled === undefined) return false;
  const { action } = compiled;
  switch (effect.type) {
    case "set_field":
      return action.type === "set_field" && action.field === effect.field;
    case "create_record":
      return (
        action.type === "create_record" &&
        action.form === effect.formId &&
        (action.count ?? 1) === effect.count
      );
    case "update_records":
      return (
        action.type === "update_records" &&
        action.form === effect.formId &&
        TARGETS[action.target.type] === effect.target.type &&
        sameKeys(action.set, effect.set) &&
        sameKeys(action.increment, effect.increment)
      );
    case "assign_owner":
      return action.type === "assign_owner" && isDeepStrictEqual(action.strategy, effect.strategy);
    case "notify":
      // Recipients that need a record are dropped without one: the effect's are a subset.
      return (
        action.type === "notify" && effect.to.every((to) => action.to.some((r) => isDeepStrictEqual(r, to)))
      );
    case "move_stage":
      return action.type === "move_stage" && action.to === effect.to;
    case "request_approval":
    case "webhook":
    case "wait":
      return false;
  }
}

/** The index of the action that planned each effect of a plan that started at action `startAt`. */
export function actionIndexes(rule: CompiledRule, startAt: number, effects: readonly Effect[]): number[] {
  let cursor = startAt;
  return effects.map((effect) => {
    let index =
      effect.type === "webhook"
        ? keyIndex(effect.idempotencyKey)
        : effect.type === "wait"
          ? effect.resumeAt - 1
          : undefined;
    for (let i = cursor; index === undefined && i < rule.actions.length; i++) {
      if (planned(rule, i, effect)) index = i;
    }
    const found = index ?? cursor;
    cursor = found + 1;
    return found;
  });
}
