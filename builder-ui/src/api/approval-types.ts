import type { ApprovalView } from "@stagecraft/schemas";
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

const hasApprovalKeys = hasStrings<ApprovalView>("id", "appId", "formId", "recordId", "toStage", "status");

/** An approval with arrays of tasks and trail entries. */
export const isApproval: Guard<ApprovalView> = (value): value is ApprovalView =>
  hasApprovalKeys(value) && Array.isArray(value.tasks) && Array.isArray(value.trail);

/** The answer of `GET /api/approvals?recordId=`. */
export const isApprovalList: Guard<{ items: ApprovalView[] }> = (value): value is { items: ApprovalView[] } =>
  isObject(value) && arrayOf(isApproval)(value["items"]);
