import { enqueueRuleRuns } from "../automation/enqueue.js";
import { insertAuditEvent } from "../records/audit.js";
import { engineContext } from "../records/engine-context.js";
import { findRecord } from "../records/find-record.js";
import { recordState } from "../records/record-view.js";
import { scopeOfApproval, type ApprovalRow, type ApprovalSite } from "./approval-site.js";

/** What an approval event does to the record's audit trail: the action and what it carries. */
export interface ApprovalAuditDetail {
  action: string;
  stepId?: string;
  comment?: string | null;
  [key: string]: unknown;
}

/** Append an approval event to the record's audit trail (the approval's id in its detail). */
export async function auditApproval(
  site: ApprovalSite,
  approval: ApprovalRow,
  detail: ApprovalAuditDetail,
): Promise<void> {
  await insertAuditEvent(site.tx, scopeOfApproval(approval), {
    recordId: approval.record_id,
    kind: "approval",
    changes: [],
    fromStage: approval.from_stage,
    toStage: approval.to_stage,
    actor: site.actor,
    at: site.now,
    detail: { approvalId: approval.id, stage: approval.stage, ...detail },
  });
}

/** The approval.* rule triggers. */
export type ApprovalEventType =
  "approval.requested" | "approval.approved" | "approval.rejected" | "approval.overdue";

/** Queue the rules an approval event starts (the transactional outbox), once per stage concerned. */
export async function enqueueApprovalEvent(
  site: ApprovalSite,
  approval: ApprovalRow,
  type: ApprovalEventType,
  stages: readonly string[] = [approval.stage],
): Promise<void> {
  const scope = scopeOfApproval(approval);
  const row = await findRecord(site.tx, scope, approval.record_id);
  const record = recordState(row);
  await enqueueRuleRuns(site.tx, {
    workspaceId: scope.workspaceId,
    appId: scope.appId,
    appVersion: site.app.version,
    compiled: site.app.compiled,
    events: [...new Set(stages)].map((stage) => ({
      type,
      formId: scope.formId,
      record,
      depth: site.depth,
      stage,
    })),
    ctx: engineContext(site.app.compiled, site.actor, site.now),
    now: site.now,
  });
}
