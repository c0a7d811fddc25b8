import { arrayOf, hasStrings, isObject, type Guard } from "./guards.js";

/** One thing waiting for the caller (`GET /api/inbox`): an approval task or an overdue record. */
export interface InboxItem {
  kind: "approval" | "overdue_record";
  approvalId?: string;
  appId: string;
  formId: string;
  recordId: string;
  /** The stage the approval belongs to (or the overdue record is in). */
  stage: string;
  /** Where the record moves once approved. */
  toStage?: string;
  stepId?: string;
  requestedBy?: string | null;
  since: string;
  dueAt: string | null;
  overdue: boolean;
}
const isInboxItem = hasStrings<InboxItem>("kind", "appId", "formId", "recordId", "stage", "since");

/** The answer of `GET /api/inbox`. */
export const isInbox: Guard<{ items: InboxItem[] }> = (value): value is { items: InboxItem[] } =>
  isObject(value) && arrayOf(isInboxItem)(value["items"]);

/** One approver's task of an approval. */
export interface ApprovalTask {
  id: string;
  stepIndex: number;
  stepId: string;
  userId: string;
  status: string;
  comment: string | null;
  transferredFrom: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** One entry of an approval's trail: requested, approve, reject, return, transfer, withdraw, … */
export interface ApprovalTrailEntry {
  action: string;
  actor: { type: string; id: string | null };
  at: string;
  detail: unknown;
}

/** An approval with its tasks and trail (`GET /api/approvals/:id`). */
export interface ApprovalView {
  id: string;
  appId: string;
  formId: string;
  recordId: string;
  stage: string;
  on: string;
  fromStage: string | null;
  toStage: string;
  status: string;
  steps: { stage: string; stepId: string }[];
  stepIndex: number;
  requestedBy: string | null;
  requestedAt: string;
  dueAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  returnTo: string | null;
  tasks: ApprovalTask[];
  trail: ApprovalTrailEntry[];
}
const hasApprovalKeys = hasStrings<ApprovalView>("id", "appId", "formId", "recordId", "toStage", "status");

/** An approval with arrays of tasks and trail entries. */
export const isApproval: Guard<ApprovalView> = (value): value is ApprovalView =>
  hasApprovalKeys(value) && Array.isArray(value.tasks) && Array.isArray(value.trail);

/** The answer of `GET /api/approvals?recordId=`. */
export const isApprovalList: Guard<{ items: ApprovalView[] }> = (value): value is { items: ApprovalView[] } =>
  isObject(value) && arrayOf(isApproval)(value["items"]);
