import type { InboxItem } from "@stagecraft/schemas";
import { sql, type Kysely } from "kysely";
import { seesEveryApp, sharedAppIds } from "../auth/app-access.js";
import type { Database } from "../db/tables.js";
import type { ApprovalCaller } from "./approval-scope.js";

/** Items the inbox lists at most of each kind. */
export const MAX_INBOX_ITEMS = 200;

/** The sort key of an item: its due time, else its start; items without a due time last. */
function compareItems(a: InboxItem, b: InboxItem): number {
  const dueA = a.dueAt ?? "9999";
  const dueB = b.dueAt ?? "9999";
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (a.since !== b.since) return a.since < b.since ? -1 : 1;
  return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}

/**
 * The caller's inbox: their open approval tasks and the records they own that passed their stage
 * SLA, oldest due first (items without a due time last, by age). Members and viewers see only
 * items of apps shared with them: a task of an app that is no longer shared waits unseen.
 */
export async function inboxOf(db: Kysely<Database>, caller: ApprovalCaller, now: Date): Promise<InboxItem[]> {
  const { workspaceId, userId } = caller;
  const scoped = !seesEveryApp(caller);
  const tasks = await db
    .selectFrom("approval_tasks as t")
    .innerJoin("approvals as a", (join) =>
      join
        .onRef("a.workspace_id", "=", "t.workspace_id")
        .onRef("a.id", "=", "t.approval_id")
        .onRef("a.step_index", "=", "t.step_index"),
    )
    .select([
      "t.id as task_id",
      "t.step_id",
      "t.created_at",
      "a.id",
      "a.app_id",
      "a.form_id",
      "a.record_id",
      "a.stage",
      "a.to_stage",
      "a.requested_by",
      "a.due_at",
    ])
    .where("t.workspace_id", "=", workspaceId)
    .where("t.user_id", "=", userId)
    .where("t.status", "=", "pending")
    .where("a.status", "=", "pending")
    .$if(scoped, (query) => query.where("a.app_id", "in", sharedAppIds(db, caller)))
    .orderBy(sql`a.due_at asc nulls last`)
    .orderBy("t.created_at")
    .orderBy("t.seq")
    .limit(MAX_INBOX_ITEMS)
    .execute();
  const overdue = await db
    .selectFrom("record_slas as s")
    .innerJoin("records as r", (join) =>
      join
        .onRef("r.workspace_id", "=", "s.workspace_id")
        .onRef("r.id", "=", "s.record_id")
        .onRef("r.stage", "=", "s.stage")
        .onRef("r.stage_entered_at", "=", "s.entered_at"),
    )
    .select(["s.app_id", "s.form_id", "s.record_id", "s.stage", "s.entered_at", "s.due_at"])
    .where("s.workspace_id", "=", workspaceId)
    .where("r.owner_id", "=", userId)
    .$if(scoped, (query) => query.where("s.app_id", "in", sharedAppIds(db, caller)))
    .orderBy("s.due_at")
    .orderBy("s.record_id")
    .limit(MAX_INBOX_ITEMS)
    .execute();
  const items: InboxItem[] = [
    ...tasks.map((row) => ({
      kind: "approval" as const,
      approvalId: row.id,
      taskId: row.task_id,
      appId: row.app_id,
      formId: row.form_id,
      recordId: row.record_id,
      stage: row.stage,
      toStage: row.to_stage,
      stepId: row.step_id,
      requestedBy: row.requested_by,
      since: row.created_at.toISOString(),
      dueAt: row.due_at?.toISOString() ?? null,
      overdue: row.due_at !== null && row.due_at <= now,
    })),
    ...overdue.map((row) => ({
      kind: "overdue_record" as const,
      appId: row.app_id,
      formId: row.form_id,
      recordId: row.record_id,
      stage: row.stage,
      since: row.entered_at.toISOString(),
      dueAt: row.due_at.toISOString(),
      overdue: true as const,
    })),
  ];
  return items.sort(compareItems);
}
