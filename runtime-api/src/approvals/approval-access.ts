import type { Kysely, Selectable } from "kysely";
import type { ApprovalTasksTable, Database } from "../db/tables.js";
import { HttpProblem, notFound } from "../problem.js";
import type { ApprovalRow } from "./approval-site.js";

/** A stored approval task. */
export type TaskRow = Selectable<ApprovalTasksTable>;

/**
 * The approval, its row locked until the transaction ends: decisions, transfers and withdrawals
 * of one approval queue behind each other, so of two concurrent decisions the second sees the
 * first. 404 when the workspace has no such approval.
 */
export async function lockApproval(
  tx: Kysely<Database>,
  workspaceId: string,
  approvalId: string,
): Promise<ApprovalRow> {
  const row = await tx
    .selectFrom("approvals")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", approvalId)
    .forUpdate()
    .executeTakeFirst();
  if (row === undefined) throw notFound("approval");
  return row;
}

/** 409: the approval (or the caller's part in it) is already decided. */
export function alreadyDecided(approval: ApprovalRow): HttpProblem {
  const detail =
    approval.status === "pending"
      ? `you have no open task in the current step of approval ${approval.id}: it is already decided for you`
      : `approval ${approval.id} is already ${approval.status}`;
  return new HttpProblem(409, detail);
}

/**
 * The caller's pending tasks in the approval's current step. 403 for someone who never was an
 * approver of it; 409 when the approval is decided or the caller's part in it is done.
 */
export async function callerTasks(
  tx: Kysely<Database>,
  approval: ApprovalRow,
  userId: string,
): Promise<TaskRow[]> {
  const tasks = await tx
    .selectFrom("approval_tasks")
    .selectAll()
    .where("workspace_id", "=", approval.workspace_id)
    .where("approval_id", "=", approval.id)
    .where("user_id", "=", userId)
    .orderBy("seq")
    .execute();
  if (tasks.length === 0) {
    throw new HttpProblem(403, `you are not an approver of approval ${approval.id}`);
  }
  const open = tasks.filter((task) => task.status === "pending" && task.step_index === approval.step_index);
  if (approval.status !== "pending" || open.length === 0) throw alreadyDecided(approval);
  return open;
}
