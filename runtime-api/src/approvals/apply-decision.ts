import { HttpProblem } from "../problem.js";
import { transitionRecord } from "../records/transition-record.js";
import { notifyUsers } from "./approval-notify.js";
import { enqueueApprovalEvent, auditApproval } from "./approval-events.js";
import {
  formName,
  scopeOfApproval,
  stageName,
  stepDefinition,
  type ApprovalRow,
  type ApprovalSite,
} from "./approval-site.js";
import { startStep } from "./start-step.js";

/** What an approver decides. */
export type Decision = "approve" | "reject" | "return";
export const DECISIONS: readonly Decision[] = ["approve", "reject", "return"];

/** A decision with its comment and, for `return`, the earlier stage the record goes back to. */
export interface DecisionInput {
  decision: Decision;
  comment?: string | undefined;
  returnTo?: string | undefined;
}

const TASK_STATUS: Readonly<Record<Decision, string>> = {
  approve: "approved",
  reject: "rejected",
  return: "returned",
};

/** 422 unless `returnTo` names a stage before the approval's stage in the pipeline. */
function checkReturnTo(site: ApprovalSite, approval: ApprovalRow, returnTo: string | undefined): string {
  const pipeline = site.app.compiled.pipelines.get(approval.form_id);
  const limit = pipeline?.stages.get(approval.stage)?.index ?? 0;
  const earlier = (pipeline?.order ?? []).slice(0, limit);
  if (returnTo !== undefined && earlier.includes(returnTo)) return returnTo;
  const message =
    returnTo === undefined
      ? "is required to return: the earlier stage the record goes back to"
      : `"${returnTo}" is not a stage before "${approval.stage}"`;
  throw new HttpProblem(422, "the approval cannot be returned there", [
    { path: "/returnTo", code: "invalid_stage", message, params: { allowedValues: earlier } },
  ]);
}

/** The stage the record was in before its current one (from the stage log), if any. */
async function previousStage(site: ApprovalSite, approval: ApprovalRow): Promise<string | undefined> {
  const rows = await site.tx
    .selectFrom("stage_log")
    .select("stage")
    .where("workspace_id", "=", approval.workspace_id)
    .where("record_id", "=", approval.record_id)
    .orderBy("entered_at", "desc")
    .orderBy("id", "desc")
    .limit(2)
    .execute();
  return rows[1]?.stage;
}

async function closeOpenTasks(site: ApprovalSite, approval: ApprovalRow): Promise<void> {
  await site.tx
    .updateTable("approval_tasks")
    .set({ status: "closed" })
    .where("workspace_id", "=", approval.workspace_id)
    .where("approval_id", "=", approval.id)
    .where("status", "=", "pending")
    .execute();
}

async function finish(site: ApprovalSite, approval: ApprovalRow, status: string, returnTo: string | null) {
  await closeOpenTasks(site, approval);
  const decidedBy = site.actor.type === "user" ? site.actor.userId : null;
  await site.tx
    .updateTable("approvals")
    .set({ status, decided_at: site.now, decided_by: decidedBy, return_to: returnTo, due_at: null })
    .where("workspace_id", "=", approval.workspace_id)
    .where("id", "=", approval.id)
    .execute();
  const form = formName(site.app, approval.form_id);
  const stage = stageName(site.app, approval.form_id, approval.to_stage);
  const verb =
    status === "approved"
      ? { zh: "已通过", en: "approved" }
      : status === "rejected"
        ? { zh: "被驳回", en: "rejected" }
        : { zh: "被退回", en: "returned" };
  // A rule's request (no requester) reports to the record's owner.
  const owner = await site.tx
    .selectFrom("records")
    .select("owner_id")
    .where("workspace_id", "=", approval.workspace_id)
    .where("id", "=", approval.record_id)
    .executeTakeFirst();
  const told = approval.requested_by ?? owner?.owner_id ?? null;
  if (told !== null) {
    await notifyUsers(site.tx, [told], {
      workspaceId: approval.workspace_id,
      appId: approval.app_id,
      recordId: approval.record_id,
      title: {
        zh: `审批${verb.zh}：${form.zh}（${stage.zh}）`,
        en: `Approval ${verb.en}: ${form.en} (${stage.en})`,
      },
      at: site.now,
    });
  }
}

/** Move the record as a decision says (the approval is no longer pending, so the move is allowed). */
async function move(site: ApprovalSite, approval: ApprovalRow, to: string): Promise<void> {
  await transitionRecord(site.runtime, scopeOfApproval(approval), site.actor, approval.record_id, to, {
    approved: true,
    depth: site.depth,
  });
}

/**
 * Record a decision on the approval's current step: the given tasks (the decider's, or every
 * open one when the system decides) take it. Approve completes the step when its mode says so
 * (any: the first approval; all: every approver), then opens the next step or, after the last,
 * moves the record. Reject ends the approval: an enter approval leaves the record where it is, a
 * leave approval sends it back to the stage it was in before. Return ends it and moves the record
 * to the chosen earlier stage. Every decision lands in the record's audit trail and fires the
 * approval.approved / approval.rejected rules when it ends the approval.
 */
export async function applyDecision(
  site: ApprovalSite,
  approval: ApprovalRow,
  input: DecisionInput,
  taskIds: readonly string[] | "all",
): Promise<void> {
  const returnTo = input.decision === "return" ? checkReturnTo(site, approval, input.returnTo) : null;
  const ref = approval.steps[approval.step_index];
  let update = site.tx
    .updateTable("approval_tasks")
    .set({ status: TASK_STATUS[input.decision], comment: input.comment ?? null, decided_at: site.now })
    .where("workspace_id", "=", approval.workspace_id)
    .where("approval_id", "=", approval.id)
    .where("step_index", "=", approval.step_index)
    .where("status", "=", "pending");
  if (taskIds !== "all") update = update.where("id", "in", [...taskIds]);
  await update.execute();
  await auditApproval(site, approval, {
    action: input.decision,
    ...(ref !== undefined ? { stepId: ref.stepId } : {}),
    comment: input.comment ?? null,
    ...(returnTo !== null ? { returnTo } : {}),
  });
  if (input.decision === "approve") {
    const step = ref === undefined ? undefined : stepDefinition(site.app, approval.form_id, ref);
    if (step?.mode === "all") {
      const open = await site.tx
        .selectFrom("approval_tasks")
        .select("id")
        .where("workspace_id", "=", approval.workspace_id)
        .where("approval_id", "=", approval.id)
        .where("step_index", "=", approval.step_index)
        .where("status", "=", "pending")
        .execute();
      if (open.length > 0) return;
    }
    await closeOpenTasks(site, approval);
    const next = approval.step_index + 1;
    if (next < approval.steps.length) {
      await startStep(site, approval, next);
      return;
    }
    await finish(site, approval, "approved", null);
    await move(site, approval, approval.to_stage);
    // After the move, so approval.approved rules see the record in its new stage.
    await enqueueApprovalEvent(site, approval, "approval.approved");
    return;
  }
  await finish(site, approval, input.decision === "reject" ? "rejected" : "returned", returnTo);
  await moveBack(site, approval, returnTo);
  await enqueueApprovalEvent(site, approval, "approval.rejected");
}

/**
 * Where a rejected or returned approval leaves the record: at `returnTo` when returned; for a
 * rejected leave approval, back in the stage it was in before; otherwise where it is.
 */
async function moveBack(site: ApprovalSite, approval: ApprovalRow, returnTo: string | null): Promise<void> {
  if (returnTo !== null) {
    const record = await site.tx
      .selectFrom("records")
      .select("stage")
      .where("workspace_id", "=", approval.workspace_id)
      .where("id", "=", approval.record_id)
      .executeTakeFirst();
    if (record?.stage !== returnTo) await move(site, approval, returnTo);
    return;
  }
  if (approval.on !== "leave") return;
  const back = await previousStage(site, approval);
  if (back === undefined) return;
  try {
    await move(site, approval, back);
  } catch (err) {
    // The way back may be closed (moves, guards): the record then stays where it is.
    if (!(err instanceof HttpProblem && err.status === 422)) throw err;
  }
}
