import { isPlainObject, type RecordEvent } from "@stagecraft/engine";
import type { RunRecord } from "./run-record.js";

// What a run's `trigger` column holds for the triggers this module starts:
//   {type: "webhook", payload}                          inbound hook (hooks.routes.ts)
//   {type: "schedule", at}                              a cron fire time (scheduler.ts)
//   {type: "record.idle", days, lastActivityMs}         a record idle since lastActivityMs
//   {type: "date.offset", field, days, date}            a record whose field holds date
// Runs of record triggers (record.created, …) are enqueued with their own trigger by enqueue.ts.

/** The JSON body of an inbound webhook trigger, undefined for other triggers. */
export function triggerPayload(trigger: unknown): unknown {
  return isPlainObject(trigger) && trigger["type"] === "webhook" ? trigger["payload"] : undefined;
}

/** When an idle trigger's record was last active (epoch ms), undefined for other triggers. */
export function idleSinceMs(trigger: unknown): number | undefined {
  if (!isPlainObject(trigger) || trigger["type"] !== "record.idle") return undefined;
  const since = trigger["lastActivityMs"];
  return typeof since === "number" ? since : undefined;
}

/**
 * The event of a run the scheduler started, so the executor can check the rule's `when` (and
 * that it is still enabled) against the record as it is when the run executes; undefined for
 * runs whose rules were matched when they were enqueued.
 */
export function scheduledEvent(
  trigger: unknown,
  ruleId: string,
  depth: number,
  record: RunRecord | undefined,
): RecordEvent | undefined {
  if (!isPlainObject(trigger)) return undefined;
  const state = record?.state;
  const { type, at, days, field } = trigger;
  if (type === "schedule" && typeof at === "string") {
    return { type, ruleId, at, depth, ...(state ? { record: state, formId: state.formId } : {}) };
  }
  if (state === undefined || typeof days !== "number") return undefined;
  const base = { formId: state.formId, record: state, depth };
  if (type === "record.idle") return { ...base, type, idleDays: days };
  if (type === "date.offset" && typeof field === "string") return { ...base, type, field, days };
  return undefined;
}
