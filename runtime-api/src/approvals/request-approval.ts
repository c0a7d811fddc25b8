import type { Effect } from "@stagecraft/engine";
import { json } from "../db/sql-json.js";
import { newId } from "../ids.js";
import { actorUserId } from "../records/actor.js";
import type { RecordRow } from "../records/record-view.js";
import { enqueueApprovalEvent, auditApproval } from "./approval-events.js";
import type { ApprovalSite } from "./approval-site.js";
import { startStep } from "./start-step.js";

type ApprovalRequest = Extract<Effect, { type: "request_approval" }>;

/**
 * Create the approval a move needs (the engine's request_approval effects: a leave approval of
 * the current stage and/or an enter approval of the target, their applicable steps chained in
 * that order), open its first step, write the audit event and queue approval.requested rules.
 * Runs inside the transition's transaction; answers the approval's id.
 */
export async function requestApproval(
  site: ApprovalSite,
  record: RecordRow,
  requests: readonly ApprovalRequest[],
): Promise<string> {
  const first = requests[0];
  if (first === undefined) throw new Error("requestApproval needs at least one request");
  const pipeline = site.app.compiled.pipelines.get(record.form_id);
  const steps = requests.flatMap((request) =>
    request.steps.map((stepId) => ({ stage: request.stage, stepId })),
  );
  const covers = new Set<string>();
  for (const request of requests) {
    for (const field of pipeline?.stages.get(request.stage)?.approval?.approval.covers ?? [])
      covers.add(field);
  }
  const approval = await site.tx
    .insertInto("approvals")
    .values({
      workspace_id: record.workspace_id,
      id: newId(),
      app_id: record.app_id,
      form_id: record.form_id,
      record_id: record.id,
      stage: first.stage,
      on: first.on,
      from_stage: record.stage,
      to_stage: first.to,
      status: "pending",
      steps: json(steps),
      step_index: 0,
      covers: json([...covers]),
      requested_by: actorUserId(site.actor) ?? null,
      requested_at: site.now,
      due_at: null,
      overdue_step: null,
      decided_at: null,
      decided_by: null,
      return_to: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const started = await startStep(site, approval, 0);
  await auditApproval(site, started, { action: "requested", steps: steps.map((s) => s.stepId) });
  await enqueueApprovalEvent(
    site,
    started,
    "approval.requested",
    requests.map((r) => r.stage),
  );
  return started.id;
}
