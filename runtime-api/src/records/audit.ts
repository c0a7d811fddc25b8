import type { Kysely } from "kysely";
import { json } from "../db/sql-json.js";
import type { Database } from "../db/tables.js";
import { actorColumns, type Actor } from "./actor.js";
import type { FieldChange } from "./data-diff.js";
import type { RecordScope } from "./record-scope.js";

/** What happened to a record, as its audit trail names it. */
export type AuditKind = "created" | "updated" | "transitioned" | "deleted" | "approval";

/** One audit event to write. */
export interface AuditEvent {
  recordId: string;
  kind: AuditKind;
  changes: readonly FieldChange[];
  fromStage?: string | null;
  toStage?: string | null;
  actor: Actor;
  at: Date;
  /** What else the event says (an approval's id, action, step and comment). */
  detail?: Readonly<Record<string, unknown>>;
}

/** The insert of an audit event, to execute or to join to other inserts of one statement. */
export function auditEventInsert(tx: Kysely<Database>, scope: RecordScope, event: AuditEvent) {
  return tx.insertInto("record_events").values({
    workspace_id: scope.workspaceId,
    app_id: scope.appId,
    form_id: scope.formId,
    record_id: event.recordId,
    kind: event.kind,
    changes: json(event.changes),
    from_stage: event.fromStage ?? null,
    to_stage: event.toStage ?? null,
    ...actorColumns(event.actor),
    at: event.at,
    detail: event.detail === undefined ? null : json(event.detail),
  });
}

/** Append an event to the record's audit trail (inside the write's transaction). */
export async function insertAuditEvent(
  tx: Kysely<Database>,
  scope: RecordScope,
  event: AuditEvent,
): Promise<void> {
  await auditEventInsert(tx, scope, event).execute();
}
