import type { ApprovalView, InboxItem } from "@stagecraft/schemas";
import { arrayOf, hasStrings, isObject, type Guard } from "./guards.js";

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
