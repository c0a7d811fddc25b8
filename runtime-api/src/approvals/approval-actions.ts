import type { ApprovalView } from "@stagecraft/schemas";
import { loadPublishedApp } from "../apps/app-cache.js";
import { newId } from "../ids.js";
import { HttpProblem } from "../problem.js";
import { inTransaction } from "../records/transaction.js";
import type { Runtime } from "../runtime.js";
import { alreadyDecided, callerTasks, lockApproval } from "./approval-access.js";
import { auditApproval } from "./approval-events.js";
import { notifyUsers } from "./approval-notify.js";
import { requireApprovalScope, type ApprovalCaller } from "./approval-scope.js";
import { formName, stageName, type ApprovalRow, type ApprovalSite } from "./approval-site.js";
import { approvalView } from "./approval-view.js";
import { applyDecision, type DecisionInput } from "./apply-decision.js";

export type { ApprovalCaller } from "./approval-scope.js";

/**
 * Lock the approval and run `work` with its site (the caller as actor), then answer its view. 404
 * for an approval of an app the caller may not see, before anything else is checked.
 */
async function withApproval(
  runtime: Runtime,
  caller: ApprovalCaller,
  approvalId: string,
  work: (site: ApprovalSite, approval: ApprovalRow) => Promise<void>,
): Promise<ApprovalView> {
  return inTransaction(runtime.db, async (tx) => {
    const approval = await lockApproval(tx, caller.workspaceId, approvalId);
    await requireApprovalScope(tx, caller, approval.app_id);
    const bound = { ...runtime, db: tx };
    const app = await loadPublishedApp(bound, caller.workspaceId, approval.app_id);
    const actor = { type: "user", userId: caller.userId } as const;
    await work({ runtime: bound, tx, app, actor, now: runtime.clock.now(), depth: 0 }, approval);
    return approvalView(tx, caller.workspaceId, approvalId);
  });
}

/**
 * Decide the caller's part of an approval's current step (approve, reject, return). 404 for an
 * approval of an app not shared with the caller, 403 for someone who is not an approver of it, 409 once decided (of two concurrent decisions that both
 * settle it, exactly one wins), 422 for a bad `returnTo` or a move the record can no longer make.
 */
export async function decideApproval(
  runtime: Runtime,
  caller: ApprovalCaller,
  approvalId: string,
  input: DecisionInput,
): Promise<ApprovalView> {
  return withApproval(runtime, caller, approvalId, async (site, approval) => {
    const tasks = await callerTasks(site.tx, approval, caller.userId);
    await applyDecision(
      site,
      approval,
      input,
      tasks.map((task) => task.id),
    );
  });
}

/**
 * Hand the caller's open task to another user of the workspace (who is notified). 403 for a
 * non-approver, 409 once decided, 422 when `to` is no user of the workspace, the caller, or
 * already an approver of the step.
 */
export async function transferApproval(
  runtime: Runtime,
  caller: ApprovalCaller,
  approvalId: string,
  to: string,
  comment: string | undefined,
): Promise<ApprovalView> {
  return withApproval(runtime, caller, approvalId, async (site, approval) => {
    const tasks = await callerTasks(site.tx, approval, caller.userId);
    const target = await site.tx
      .selectFrom("users")
      .select("id")
      .where("workspace_id", "=", caller.workspaceId)
      .where("id", "=", to)
      .executeTakeFirst();
    const open = await site.tx
      .selectFrom("approval_tasks")
      .select("user_id")
      .where("workspace_id", "=", caller.workspaceId)
      .where("approval_id", "=", approval.id)
      .where("step_index", "=", approval.step_index)
      .where("status", "=", "pending")
      .execute();
    const why =
      target === undefined
        ? "is not a user of this workspace"
        : to === caller.userId
          ? "is you: transfer to someone else"
          : open.some((task) => task.user_id === to)
            ? "already decides this step"
            : undefined;
    if (why !== undefined) {
      throw new HttpProblem(422, "the approval cannot be transferred to this user", [
        { path: "/to", code: "invalid_user", message: `"${to}" ${why}` },
      ]);
    }
    const task = tasks[0];
    if (task === undefined) throw alreadyDecided(approval);
    await site.tx
      .updateTable("approval_tasks")
      .set({ status: "transferred", comment: comment ?? null, decided_at: site.now })
      .where("workspace_id", "=", caller.workspaceId)
      .where("id", "=", task.id)
      .execute();
    await site.tx
      .insertInto("approval_tasks")
      .values({
        workspace_id: caller.workspaceId,
        id: newId(),
        approval_id: approval.id,
        step_index: approval.step_index,
        step_id: task.step_id,
        user_id: to,
        status: "pending",
        comment: null,
        transferred_from: caller.userId,
        created_at: site.now,
        decided_at: null,
      })
      .execute();
    await auditApproval(site, approval, {
      action: "transfer",
      stepId: task.step_id,
      to,
      comment: comment ?? null,
    });
    const form = formName(site.app, approval.form_id);
    const stage = stageName(site.app, approval.form_id, approval.to_stage);
    await notifyUsers(site.tx, [to], {
      workspaceId: caller.workspaceId,
      appId: approval.app_id,
      recordId: approval.record_id,
      title: {
        zh: `转交给你的审批：${form.zh}（${stage.zh}）`,
        en: `Approval transferred to you: ${form.en} (${stage.en})`,
      },
      at: site.now,
    });
  });
}

/**
 * The requester takes a pending approval back: it ends as withdrawn and the record stays where it
 * is. 403 for anyone but the requester, 409 once decided.
 */
export async function withdrawApproval(
  runtime: Runtime,
  caller: ApprovalCaller,
  approvalId: string,
  comment: string | undefined,
): Promise<ApprovalView> {
  return withApproval(runtime, caller, approvalId, async (site, approval) => {
    if (approval.requested_by !== caller.userId) {
      throw new HttpProblem(403, `only the requester may withdraw approval ${approval.id}`);
    }
    if (approval.status !== "pending") throw alreadyDecided(approval);
    await site.tx
      .updateTable("approval_tasks")
      .set({ status: "closed" })
      .where("workspace_id", "=", caller.workspaceId)
      .where("approval_id", "=", approval.id)
      .where("status", "=", "pending")
      .execute();
    await site.tx
      .updateTable("approvals")
      .set({ status: "withdrawn", decided_at: site.now, decided_by: caller.userId, due_at: null })
      .where("workspace_id", "=", caller.workspaceId)
      .where("id", "=", approval.id)
      .execute();
    await auditApproval(site, approval, { action: "withdraw", comment: comment ?? null });
  });
}
