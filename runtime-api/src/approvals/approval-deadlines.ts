import { loadPublishedApp } from "../apps/app-cache.js";
import { newId } from "../ids.js";
import type { Runtime } from "../runtime.js";
import { lockApproval } from "./approval-access.js";
import { auditApproval, enqueueApprovalEvent } from "./approval-events.js";
import { managerOf, notifyUsers } from "./approval-notify.js";
import { formName, stageName, stepDefinition, type ApprovalRow, type ApprovalSite } from "./approval-site.js";
import { applyDecision } from "./apply-decision.js";
import { inSavepoint } from "./savepoint.js";

/** Approvals one tick handles at most; the rest follow on the next ticks. */
export const APPROVALS_PER_TICK = 500;

/** What happens when a step's due time passes. */
type OnOverdue = "remind" | "escalate" | "auto_approve" | "auto_reject";

async function openTasks(site: ApprovalSite, approval: ApprovalRow) {
  return site.tx
    .selectFrom("approval_tasks")
    .selectAll()
    .where("workspace_id", "=", approval.workspace_id)
    .where("approval_id", "=", approval.id)
    .where("step_index", "=", approval.step_index)
    .where("status", "=", "pending")
    .orderBy("seq")
    .execute();
}

function overdueTitle(site: ApprovalSite, approval: ApprovalRow, escalated: boolean) {
  const form = formName(site.app, approval.form_id);
  const stage = stageName(site.app, approval.form_id, approval.to_stage);
  return escalated
    ? {
        zh: `审批超时，已上报给你：${form.zh}（${stage.zh}）`,
        en: `Overdue approval escalated to you: ${form.en} (${stage.en})`,
      }
    : { zh: `审批已超时：${form.zh}（${stage.zh}）`, en: `Approval overdue: ${form.en} (${stage.en})` };
}

/** Remind the open approvers, or hand each open task to the approver's manager (escalate). */
async function remindOrEscalate(site: ApprovalSite, approval: ApprovalRow, escalate: boolean): Promise<void> {
  const tasks = await openTasks(site, approval);
  const approvers = new Set(tasks.map((task) => task.user_id));
  const reminded: string[] = [];
  for (const task of tasks) {
    const manager = escalate ? await managerOf(site.tx, approval.workspace_id, task.user_id) : null;
    if (manager === null || approvers.has(manager)) {
      reminded.push(task.user_id);
      continue;
    }
    approvers.add(manager);
    await site.tx
      .updateTable("approval_tasks")
      .set({ status: "escalated", decided_at: site.now })
      .where("workspace_id", "=", approval.workspace_id)
      .where("id", "=", task.id)
      .execute();
    await site.tx
      .insertInto("approval_tasks")
      .values({
        workspace_id: approval.workspace_id,
        id: newId(),
        approval_id: approval.id,
        step_index: approval.step_index,
        step_id: task.step_id,
        user_id: manager,
        status: "pending",
        comment: null,
        transferred_from: task.user_id,
        created_at: site.now,
        decided_at: null,
      })
      .execute();
    await auditApproval(site, approval, {
      action: "escalate",
      stepId: task.step_id,
      from: task.user_id,
      to: manager,
    });
    await notifyUsers(site.tx, [manager], {
      workspaceId: approval.workspace_id,
      appId: approval.app_id,
      recordId: approval.record_id,
      title: overdueTitle(site, approval, true),
      at: site.now,
    });
  }
  await notifyUsers(site.tx, reminded, {
    workspaceId: approval.workspace_id,
    appId: approval.app_id,
    recordId: approval.record_id,
    title: overdueTitle(site, approval, false),
    at: site.now,
  });
}

/** Handle one approval whose current step is past due: mark it, fire approval.overdue, act. */
async function handleOverdue(site: ApprovalSite, approval: ApprovalRow): Promise<void> {
  const ref = approval.steps[approval.step_index];
  const step = ref === undefined ? undefined : stepDefinition(site.app, approval.form_id, ref);
  const onOverdue: OnOverdue = step?.due?.onOverdue ?? "remind";
  await site.tx
    .updateTable("approvals")
    .set({ overdue_step: approval.step_index })
    .where("workspace_id", "=", approval.workspace_id)
    .where("id", "=", approval.id)
    .execute();
  await auditApproval(site, approval, {
    action: "overdue",
    ...(ref !== undefined ? { stepId: ref.stepId } : {}),
    onOverdue,
    dueAt: approval.due_at?.toISOString() ?? null,
  });
  await enqueueApprovalEvent(site, approval, "approval.overdue", [ref?.stage ?? approval.stage]);
  if (onOverdue === "remind" || onOverdue === "escalate") {
    await remindOrEscalate(site, approval, onOverdue === "escalate");
    return;
  }
  const decision = onOverdue === "auto_approve" ? "approve" : "reject";
  await applyDecision(site, approval, { decision, comment: "due time passed" }, "all");
}

/**
 * Fire the due times of pending approvals that have passed (at `now`, inside the scheduler's
 * transaction, `runtime.db` being it): each step's due time is handled once (remind, escalate to
 * the approver's manager, auto-approve or auto-reject, and the approval.overdue rules), however
 * long ago it passed, so a due time that passed while the server was down fires on the next tick.
 * One that cannot be handled (its move refused) is rolled back, marked handled and reported.
 */
export async function fireApprovalDeadlines(
  runtime: Runtime,
  now: Date,
  errors: { appId: string; error: string }[],
): Promise<number> {
  const tx = runtime.db;
  const due = await tx
    .selectFrom("approvals")
    .select(["workspace_id", "id", "app_id"])
    .where("status", "=", "pending")
    .where("due_at", "<=", now)
    .where((eb) => eb.or([eb("overdue_step", "is", null), eb("overdue_step", "<>", eb.ref("step_index"))]))
    .orderBy("due_at")
    .orderBy("workspace_id")
    .orderBy("id")
    .limit(APPROVALS_PER_TICK)
    .execute();
  let handled = 0;
  for (const { workspace_id: workspaceId, id, app_id: appId } of due) {
    const error = await inSavepoint(tx, async () => {
      const approval = await lockApproval(tx, workspaceId, id);
      const app = await loadPublishedApp(runtime, workspaceId, appId);
      const actor = { type: "system", reason: "approval_due" } as const;
      await handleOverdue({ runtime, tx, app, actor, now, depth: 0 }, approval);
    });
    if (error === undefined) {
      handled += 1;
      continue;
    }
    errors.push({
      appId,
      error: `approval ${id}: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    });
    await tx
      .updateTable("approvals")
      .set((eb) => ({ overdue_step: eb.ref("step_index") }))
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }
  return handled;
}
