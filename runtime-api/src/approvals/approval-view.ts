import type { ApprovalView } from "@stagecraft/schemas";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { seesEveryApp, sharedAppIds } from "../auth/app-access.js";
import { notFound } from "../problem.js";
import { requireApprovalScope, type ApprovalCaller } from "./approval-scope.js";

function actionOf(detail: unknown): string {
  if (
    typeof detail === "object" &&
    detail !== null &&
    "action" in detail &&
    typeof detail.action === "string"
  ) {
    return detail.action;
  }
  return "unknown";
}

/** An approval of the workspace with its tasks and trail, oldest first; 404 when there is none. */
export async function approvalView(
  db: Kysely<Database>,
  workspaceId: string,
  approvalId: string,
): Promise<ApprovalView> {
  const row = await db
    .selectFrom("approvals")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", approvalId)
    .executeTakeFirst();
  if (row === undefined) throw notFound("approval");
  const tasks = await db
    .selectFrom("approval_tasks")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("approval_id", "=", approvalId)
    .orderBy("step_index")
    .orderBy("seq")
    .execute();
  const events = await db
    .selectFrom("record_events")
    .select(["actor_type", "actor_id", "at", "detail"])
    .where("workspace_id", "=", workspaceId)
    .where("record_id", "=", row.record_id)
    .where("kind", "=", "approval")
    .where(sql<string>`detail ->> 'approvalId'`, "=", approvalId)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return {
    id: row.id,
    appId: row.app_id,
    formId: row.form_id,
    recordId: row.record_id,
    stage: row.stage,
    on: row.on,
    fromStage: row.from_stage,
    toStage: row.to_stage,
    status: row.status,
    steps: row.steps,
    stepIndex: row.step_index,
    covers: row.covers,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    dueAt: row.due_at?.toISOString() ?? null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by,
    returnTo: row.return_to,
    tasks: tasks.map((task) => ({
      id: task.id,
      stepIndex: task.step_index,
      stepId: task.step_id,
      userId: task.user_id,
      status: task.status,
      comment: task.comment,
      transferredFrom: task.transferred_from,
      createdAt: task.created_at.toISOString(),
      decidedAt: task.decided_at?.toISOString() ?? null,
    })),
    trail: events.map((event) => ({
      action: actionOf(event.detail),
      actor: { type: event.actor_type, id: event.actor_id },
      at: event.at.toISOString(),
      detail: event.detail,
    })),
  };
}

/** An approval the caller may see, with its tasks and trail; 404 when none or its app is not shared. */
export async function visibleApproval(
  db: Kysely<Database>,
  caller: ApprovalCaller,
  approvalId: string,
): Promise<ApprovalView> {
  const row = await db
    .selectFrom("approvals")
    .select("app_id")
    .where("workspace_id", "=", caller.workspaceId)
    .where("id", "=", approvalId)
    .executeTakeFirst();
  if (row === undefined) throw notFound("approval");
  await requireApprovalScope(db, caller, row.app_id);
  return approvalView(db, caller.workspaceId, approvalId);
}

/**
 * The approvals of a record the caller may see, newest first, each with its tasks and trail (none
 * for a record of an app not shared with the caller).
 */
export async function recordApprovals(
  db: Kysely<Database>,
  caller: ApprovalCaller,
  recordId: string,
): Promise<ApprovalView[]> {
  const { workspaceId } = caller;
  const rows = await db
    .selectFrom("approvals")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("record_id", "=", recordId)
    .$if(!seesEveryApp(caller), (query) => query.where("app_id", "in", sharedAppIds(db, caller)))
    .orderBy("requested_at", "desc")
    .orderBy("id", "desc")
    .limit(100)
    .execute();
  const views: ApprovalView[] = [];
  for (const row of rows) views.push(await approvalView(db, workspaceId, row.id));
  return views;
}
