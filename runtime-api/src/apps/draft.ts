import type { Kysely } from "kysely";
import type { Caller } from "../auth/roles.js";
import type { Database } from "../db/tables.js";
import { json } from "../db/sql-json.js";
import { HttpProblem, notFound } from "../problem.js";
import type { Runtime } from "../runtime.js";
import { requireApp } from "./app-view.js";
import { requireValidDefinition } from "./definition-check.js";

/** An app's unpublished definition: it affects nothing until published. */
export interface DraftView {
  id: string;
  draft: unknown;
  draftUpdatedAt: string;
}

/** What saving a draft answers (only valid drafts are saved). */
export interface SavedDraft extends DraftView {
  valid: true;
}

/**
 * Replace an app's draft with `definition`: 404 for an app outside the workspace, 422 naming every
 * problem (paths under `/definition`) when it does not validate, and then nothing is stored.
 */
export async function saveDraft(
  runtime: Runtime,
  caller: Caller,
  appId: string,
  definition: unknown,
): Promise<SavedDraft> {
  await requireApp(runtime.db, caller.workspaceId, appId);
  const valid = requireValidDefinition(definition, "/definition");
  const now = runtime.clock.now();
  const result = await runtime.db
    .updateTable("apps")
    .set({ draft: json(valid), draft_updated_at: now })
    .where("workspace_id", "=", caller.workspaceId)
    .where("id", "=", appId)
    .executeTakeFirst();
  // Deleted between the check and the write.
  if (result.numUpdatedRows === 0n) throw notFound("app");
  return { id: appId, draft: valid, valid: true, draftUpdatedAt: now.toISOString() };
}

/** An app's draft; 404 when the app is not in the workspace or has no draft. */
export async function loadDraft(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
): Promise<DraftView> {
  const row = await db
    .selectFrom("apps")
    .select(["draft", "draft_updated_at"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", appId)
    .executeTakeFirst();
  if (!row) throw notFound("app");
  if (row.draft === null || row.draft_updated_at === null) {
    throw new HttpProblem(404, "this app has no draft; save one with PUT /api/apps/:appId/draft");
  }
  return { id: appId, draft: row.draft, draftUpdatedAt: row.draft_updated_at.toISOString() };
}
