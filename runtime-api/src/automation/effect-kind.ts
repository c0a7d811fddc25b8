import type { Effect, EffectType } from "@stagecraft/engine";
import { redactUrl } from "./webhook.js";

/**
 * Where an effect is performed: `record` effects change the database inside a transaction keyed
 * by (run, action index); `webhook` effects leave the process; `wait` parks the run.
 */
export type EffectKind = "record" | "webhook" | "wait";

/** One entry per effect type: a new type without an entry is a compile error. */
const KINDS: { readonly [K in EffectType]: EffectKind } = {
  set_field: "record",
  create_record: "record",
  update_records: "record",
  assign_owner: "record",
  notify: "record",
  move_stage: "record",
  request_approval: "record",
  webhook: "webhook",
  wait: "wait",
};

/** Effects applied inside the database transaction. */
export type RecordEffect = Exclude<Effect, { type: "webhook" | "wait" }>;

/** Whether an effect is a record effect. */
export function isRecordEffect(effect: Effect): effect is RecordEffect {
  return KINDS[effect.type] === "record";
}

/** What a run log says about an effect: what and where, never values, headers or query strings. */
export function effectSummary(effect: Effect): string {
  switch (effect.type) {
    case "set_field":
      return `set ${effect.formId}.${effect.field} of record ${effect.recordId}`;
    case "create_record":
      return `create ${effect.count} ${effect.formId} record(s)`;
    case "update_records": {
      const fields = [...Object.keys(effect.set), ...Object.keys(effect.increment)];
      return `update ${effect.formId} records (${effect.target.type}): ${fields.join(", ")}`;
    }
    case "assign_owner":
      return `assign the owner of record ${effect.recordId} (${effect.strategy.type})`;
    case "notify":
      return `notify ${effect.to.map((r) => r.type).join(", ")}`;
    case "move_stage":
      return `move record ${effect.recordId} to ${effect.to}`;
    case "request_approval":
      return `request approval to ${effect.on} ${effect.stage} for record ${effect.recordId}`;
    case "webhook":
      return `${effect.method} ${redactUrl(effect.url)}`;
    case "wait":
      return `wait until ${effect.until}`;
  }
}
