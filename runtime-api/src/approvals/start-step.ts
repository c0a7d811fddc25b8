import { addDuration, appCalendar } from "@stagecraft/engine";
import { newId } from "../ids.js";
import { notifyUsers } from "./approval-notify.js";
import { formName, stageName, stepDefinition, type ApprovalRow, type ApprovalSite } from "./approval-site.js";
import { resolveApprovers } from "./resolve-approvers.js";

/**
 * Open step `index` of an approval: one pending task per approver the step resolves to, the
 * step's due time computed with the app's calendar and zone, the approvers notified. Answers the
 * approval as updated.
 */
export async function startStep(
  site: ApprovalSite,
  approval: ApprovalRow,
  index: number,
): Promise<ApprovalRow> {
  const { tx, app, now } = site;
  const ref = approval.steps[index];
  if (ref === undefined) throw new Error(`approval ${approval.id} has no step ${index}`);
  const step = stepDefinition(app, approval.form_id, ref);
  const record = await tx
    .selectFrom("records")
    .select("owner_id")
    .where("workspace_id", "=", approval.workspace_id)
    .where("id", "=", approval.record_id)
    .executeTakeFirst();
  const users = await resolveApprovers(
    tx,
    approval.workspace_id,
    step?.approvers ?? [],
    record?.owner_id ?? null,
  );
  if (users.length > 0) {
    await tx
      .insertInto("approval_tasks")
      .values(
        users.map((userId) => ({
          workspace_id: approval.workspace_id,
          id: newId(),
          approval_id: approval.id,
          step_index: index,
          step_id: ref.stepId,
          user_id: userId,
          status: "pending",
          comment: null,
          transferred_from: null,
          created_at: now,
          decided_at: null,
        })),
      )
      .execute();
  }
  const due =
    step?.due === undefined
      ? null
      : addDuration(
          now.toISOString(),
          step.due.after,
          app.compiled.timeZone,
          appCalendar(app.compiled.definition),
        );
  const updated = await tx
    .updateTable("approvals")
    .set({ step_index: index, due_at: due, overdue_step: null })
    .where("workspace_id", "=", approval.workspace_id)
    .where("id", "=", approval.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const form = formName(app, approval.form_id);
  const stage = stageName(app, approval.form_id, approval.to_stage);
  await notifyUsers(tx, users, {
    workspaceId: approval.workspace_id,
    appId: approval.app_id,
    recordId: approval.record_id,
    title: { zh: `待审批：${form.zh}（${stage.zh}）`, en: `Approval requested: ${form.en} (${stage.en})` },
    ...(step?.name !== undefined ? { body: step.name } : {}),
    at: now,
  });
  return updated;
}
