import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { HttpProblem } from "../problem.js";
import type { RecordScope } from "../records/record-scope.js";

/** The pending approval of a record, if any: its id and the fields it locks. */
export async function pendingApprovalOf(
  tx: Kysely<Database>,
  scope: RecordScope,
  recordId: string,
): Promise<{ id: string; covers: string[]; toStage: string } | undefined> {
  const row = await tx
    .selectFrom("approvals")
    .select(["id", "covers", "to_stage"])
    .where("workspace_id", "=", scope.workspaceId)
    .where("app_id", "=", scope.appId)
    .where("record_id", "=", recordId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, covers: row.covers, toStage: row.to_stage };
}

/**
 * Lock the record's row for the rest of the transaction (concurrent moves of one record queue
 * behind each other) and refuse with 409 while an approval of it is pending.
 */
export async function assertNoPendingApproval(
  tx: Kysely<Database>,
  scope: RecordScope,
  recordId: string,
): Promise<void> {
  await tx
    .selectFrom("records")
    .select("id")
    .where("workspace_id", "=", scope.workspaceId)
    .where("id", "=", recordId)
    .forUpdate()
    .execute();
  const pending = await pendingApprovalOf(tx, scope, recordId);
  if (pending === undefined) return;
  throw new HttpProblem(
    409,
    `the record is waiting for approval ${pending.id} (a move to "${pending.toStage}"); it cannot move until the approval is decided or withdrawn`,
    [
      {
        path: "/to",
        code: "approval_pending",
        message: "an approval of this record is pending",
        params: { approvalId: pending.id },
      },
    ],
  );
}

/**
 * Refuse with 409 a change to fields a pending approval covers, naming every such field, so
 * what the approvers see is what they approve.
 */
export async function assertNotCovered(
  tx: Kysely<Database>,
  scope: RecordScope,
  recordId: string,
  changed: readonly string[],
  labelOf: (field: string) => string,
): Promise<void> {
  if (changed.length === 0) return;
  const pending = await pendingApprovalOf(tx, scope, recordId);
  if (pending === undefined) return;
  const covered = new Set(pending.covers);
  const locked = changed.filter((field) => covered.has(field));
  if (locked.length === 0) return;
  const names = locked.map((field) => `"${labelOf(field)}"`).join(", ");
  throw new HttpProblem(
    409,
    `${names} ${locked.length === 1 ? "is" : "are"} locked while approval ${pending.id} is pending`,
    locked.map((field) => ({
      path: `/data/${field}`,
      code: "locked_by_approval",
      message: `"${labelOf(field)}" cannot change while the approval is pending`,
      params: { approvalId: pending.id, field },
    })),
  );
}

/** End the pending approval of a record that is being deleted (withdrawn, its open tasks closed). */
export async function endApprovalsOfDeleted(
  tx: Kysely<Database>,
  scope: RecordScope,
  recordId: string,
  now: Date,
): Promise<void> {
  const pending = await pendingApprovalOf(tx, scope, recordId);
  if (pending === undefined) return;
  await tx
    .updateTable("approval_tasks")
    .set({ status: "closed" })
    .where("workspace_id", "=", scope.workspaceId)
    .where("approval_id", "=", pending.id)
    .where("status", "=", "pending")
    .execute();
  await tx
    .updateTable("approvals")
    .set({ status: "withdrawn", decided_at: now, due_at: null })
    .where("workspace_id", "=", scope.workspaceId)
    .where("id", "=", pending.id)
    .execute();
}
