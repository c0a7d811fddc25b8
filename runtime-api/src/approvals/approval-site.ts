import type { ApprovalStep, I18nText } from "@stagecraft/schemas";
import type { Kysely, Selectable } from "kysely";
import type { PublishedApp } from "../apps/app-cache.js";
import type { ApprovalsTable, Database } from "../db/tables.js";
import type { Actor } from "../records/actor.js";
import type { RecordScope } from "../records/record-scope.js";
import type { Runtime } from "../runtime.js";

/** A stored approval. */
export type ApprovalRow = Selectable<ApprovalsTable>;

/** The statuses of an approval. */
export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "returned", "withdrawn"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** Everything one approval operation works with, bound to its transaction. */
export interface ApprovalSite {
  /** The runtime whose `db` is the operation's transaction. */
  runtime: Runtime;
  tx: Kysely<Database>;
  app: PublishedApp;
  actor: Actor;
  now: Date;
  /** Cascade depth of the events the operation emits. */
  depth: number;
}

/** The records scope of an approval. */
export function scopeOfApproval(approval: ApprovalRow): RecordScope {
  return { workspaceId: approval.workspace_id, appId: approval.app_id, formId: approval.form_id };
}

/** The definition of one step of an approval under the app version at hand (absent if removed). */
export function stepDefinition(
  app: PublishedApp,
  formId: string,
  ref: { stage: string; stepId: string },
): ApprovalStep | undefined {
  const stage = app.compiled.pipelines.get(formId)?.stages.get(ref.stage);
  return stage?.approval?.approval.steps.find((step) => step.id === ref.stepId);
}

/** The display name of a stage (its id when the app no longer has it). */
export function stageName(app: PublishedApp, formId: string, stage: string): I18nText {
  return app.compiled.pipelines.get(formId)?.stages.get(stage)?.stage.name ?? { zh: stage, en: stage };
}

/** The display name of a form (its id when the app no longer has it). */
export function formName(app: PublishedApp, formId: string): I18nText {
  return app.compiled.forms.get(formId)?.form.name ?? { zh: formId, en: formId };
}
