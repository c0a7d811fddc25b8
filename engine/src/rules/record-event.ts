import type { RecordState } from "../record-state.js";

/** What every event about a record carries. */
interface RecordEventBase {
  formId: string;
  record: RecordState;
  /** Cascade depth: 0 for a person's action, +1 for each event a rule caused. */
  depth: number;
}

/** Events produced by the runtime for triggers that may have no record (schedule, webhook). */
interface RuleEventBase {
  ruleId: string;
  formId?: string;
  record?: RecordState;
  depth: number;
}

/**
 * Something that happened, as matchRules sees it: a discriminated union on `type` mirroring the
 * trigger types (field.changed rules listen to record.updated events).
 */
export type RecordEvent =
  | (RecordEventBase & { type: "record.created" })
  | (RecordEventBase & {
      type: "record.updated";
      /** Ids of the fields whose value changed. */
      changed: readonly string[];
      /** The data before the change. */
      previous: Readonly<Record<string, unknown>>;
    })
  | (RecordEventBase & { type: "stage.entered"; stage: string; from?: string })
  | (RecordEventBase & { type: "stage.left"; stage: string; to: string })
  | (RecordEventBase & { type: "stage.overdue"; stage: string })
  | (RecordEventBase & { type: "record.idle"; idleDays: number })
  | (RecordEventBase & { type: "date.offset"; field: string; days: number })
  | (RecordEventBase & { type: "approval.requested"; stage: string })
  | (RecordEventBase & { type: "approval.approved"; stage: string })
  | (RecordEventBase & { type: "approval.rejected"; stage: string })
  | (RecordEventBase & { type: "approval.overdue"; stage: string })
  | (RuleEventBase & { type: "schedule"; at: string })
  | (RuleEventBase & { type: "webhook"; payload: unknown })
  | (RecordEventBase & { type: "manual"; ruleId: string });

/** The `type` of a record event. */
export type RecordEventType = RecordEvent["type"];
