import type { I18nText } from "@stagecraft/schemas";
import { arrayOf, hasStrings, isObject, type Guard } from "./guards.js";

/** The signed-in user (`GET /api/me`). */
export interface Me {
  id: string;
  email: string;
  name: string;
  role: string;
  workspaceId: string;
}
export const isMe: Guard<Me> = hasStrings<Me>("id", "email", "role", "workspaceId");

/** A member of the workspace (`GET /api/users`). */
export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
}
export const isUserList: Guard<User[]> = arrayOf(hasStrings<User>("id", "email"));

/** One card of the template gallery (`GET /api/templates`). */
export interface TemplateSummary {
  id: string;
  name: I18nText;
  summary: I18nText;
  whenToUse: I18nText;
  limitations: I18nText;
  /** "inferred" marks a limitation the project wrote itself (editorial), not the source document. */
  limitationSource?: "seed" | "inferred";
  tags: string[];
  counts: { forms: number; stages: number; rules: number; kpis: number };
}
function isTemplateSummary(value: unknown): value is TemplateSummary {
  return (
    isObject(value) &&
    typeof value["id"] === "string" &&
    isObject(value["name"]) &&
    isObject(value["summary"]) &&
    isObject(value["counts"])
  );
}
export const isTemplateList: Guard<TemplateSummary[]> = arrayOf(isTemplateSummary);

/** One app of the workspace (`GET /api/apps`). */
export interface AppSummary {
  id: string;
  name: I18nText;
  version: number;
  templateId: string | null;
  updatedAt: string;
  hasDraft: boolean;
}
function isAppSummary(value: unknown): value is AppSummary {
  return isObject(value) && typeof value["id"] === "string" && isObject(value["name"]);
}
export const isAppList: Guard<AppSummary[]> = arrayOf(isAppSummary);

/** An app with its published definition (validated by the engine before use). */
export interface AppView extends AppSummary {
  definition: unknown;
}
export const isAppView: Guard<AppView> = (value): value is AppView => isAppSummary(value);

/** A record as the API answers it. */
export interface RecordView {
  id: string;
  formId: string;
  data: Record<string, unknown>;
  stage: string | null;
  version: number;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}
export const isRecordView: Guard<RecordView> = (value): value is RecordView =>
  isObject(value) && typeof value["id"] === "string" && isObject(value["data"]);

/** A page of records (keyset pagination). */
export interface RecordPage {
  items: RecordView[];
  nextCursor: string | null;
}
export const isRecordPage: Guard<RecordPage> = (value): value is RecordPage =>
  isObject(value) && arrayOf(isRecordView)(value["items"]);

/** One entry of a record's audit trail. */
export interface HistoryEntry {
  id: string;
  kind: string;
  changes: { field: string; old?: unknown; new?: unknown }[];
  fromStage: string | null;
  toStage: string | null;
  actor: { type: string; id: string | null };
  at: string;
  /** What an approval event did (`{action: "requested" | "approve" | …}`); other kinds may carry none. */
  detail?: unknown;
}
export const isHistory: Guard<HistoryEntry[]> = arrayOf(hasStrings<HistoryEntry>("id", "kind", "at"));

/** A background import (`POST …/import`, `GET /api/apps/:appId/imports/:jobId`). */
export interface ImportJob {
  jobId?: string;
  id?: string;
  status: "running" | "succeeded" | "failed";
  total: number;
  processed?: number;
  succeeded?: number;
  failed?: number;
  results?: unknown[];
}
export const isImportJob: Guard<ImportJob> = (value): value is ImportJob =>
  isObject(value) && typeof value["status"] === "string" && typeof value["total"] === "number";

/** The render definition of a shared form (`GET /api/public/forms/:token`). */
export interface PublicFormView {
  appId: string;
  appName: I18nText;
  form: { id: string; name: I18nText; description?: I18nText; fields: unknown[] };
}
export const isPublicForm: Guard<PublicFormView> = (value): value is PublicFormView =>
  isObject(value) && isObject(value["form"]) && Array.isArray(value["form"]["fields"]);

/** What a transition answers: the moved record, or 202 while an approval decides. */
export type TransitionResult =
  { kind: "moved"; record: RecordView } | { kind: "pending"; approvalId: string | null };
