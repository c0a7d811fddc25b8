import type { AssignStrategy, I18nText, Recipient } from "@stagecraft/schemas";
import type { ResolvedCondition } from "./record-filter.js";

/** Which records an update_records effect changes, resolved as far as the engine can. */
export type ResolvedTarget =
  | { type: "ids"; ids: string[] }
  | { type: "referencing"; field: string; recordId: string }
  | { type: "filter"; filter: ResolvedCondition[] };

/**
 * What should happen, as data. The engine plans effects; the runtime performs them inside its
 * transaction (record effects) or its workers (outside effects).
 */
export type Effect =
  | { type: "set_field"; formId: string; recordId: string; field: string; value: unknown }
  | { type: "create_record"; formId: string; data: Record<string, unknown>; count: number }
  | {
      type: "update_records";
      formId: string;
      target: ResolvedTarget;
      set: Record<string, unknown>;
      increment: Record<string, number>;
      /** Set when the increments must be undone once the source record leaves `stage`. */
      reverseOnLeave?: { recordId: string; stage: string };
    }
  | { type: "assign_owner"; formId: string; recordId: string; strategy: AssignStrategy; userId?: string }
  | { type: "notify"; recordId?: string; to: Recipient[]; title: I18nText; body?: I18nText }
  | {
      type: "webhook";
      url: string;
      method: "POST" | "PUT" | "PATCH";
      headers: Record<string, string>;
      body: unknown;
      idempotencyKey: string;
    }
  | { type: "move_stage"; formId: string; recordId: string; to: string }
  | { type: "wait"; until: string; resumeAt: number }
  | {
      type: "request_approval";
      formId: string;
      recordId: string;
      stage: string;
      on: "enter" | "leave";
      /** The stage the record is in; absent when it has none yet. */
      from?: string;
      to: string;
      /** Ids of the approval steps that apply to the record (their `when` holds or is absent). */
      steps: string[];
    };

export type EffectType = Effect["type"];

/**
 * An effect planned by a rule run, with the index of the action (in the rule's `actions`) that
 * planned it: the runtime makes record effects idempotent per (run, action index). An action plans
 * one effect or none, so indexes rise strictly but may skip.
 */
export type PlannedEffect = Effect & { actionIndex: number };
