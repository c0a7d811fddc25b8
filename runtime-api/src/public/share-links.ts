import type { Runtime } from "../runtime.js";
import { newToken } from "../ids.js";
import { notFound } from "../problem.js";
import { loadScopedForm, type RecordScope } from "../records/record-scope.js";

/** A share link of a form, as the builder sees it. */
export interface ShareLinkView {
  shareToken: string;
  /** The UI page where anyone with the link fills in the form (relative to the server). */
  url: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** The UI page path of a share token. */
export function shareUrl(token: string): string {
  return `/f/${token}`;
}

function viewOf(row: {
  token: string;
  created_by: string | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
}): ShareLinkView {
  return {
    shareToken: row.token,
    url: shareUrl(row.token),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
  };
}

/** Create a new share link of a published form (a new token each call); 404 for an unknown app or form. */
export async function createShareLink(
  runtime: Runtime,
  scope: RecordScope,
  createdBy: string,
): Promise<ShareLinkView> {
  await loadScopedForm(runtime, scope);
  const row = await runtime.db
    .insertInto("share_links")
    .values({
      token: newToken(),
      workspace_id: scope.workspaceId,
      app_id: scope.appId,
      form_id: scope.formId,
      created_by: createdBy,
      created_at: runtime.clock.now(),
      revoked_at: null,
    })
    .returning(["token", "created_by", "created_at", "revoked_at"])
    .executeTakeFirstOrThrow();
  return viewOf(row);
}

/** Every share link of a form, revoked ones included, oldest first; 404 for an unknown app or form. */
export async function listShareLinks(runtime: Runtime, scope: RecordScope): Promise<ShareLinkView[]> {
  await loadScopedForm(runtime, scope);
  const rows = await runtime.db
    .selectFrom("share_links")
    .select(["token", "created_by", "created_at", "revoked_at"])
    .where("workspace_id", "=", scope.workspaceId)
    .where("app_id", "=", scope.appId)
    .where("form_id", "=", scope.formId)
    .orderBy("created_at")
    .orderBy("token")
    .execute();
  return rows.map(viewOf);
}

/** Revoke a share link of a form (revoking twice is harmless); 404 when the form has no such link. */
export async function revokeShareLink(runtime: Runtime, scope: RecordScope, token: string): Promise<void> {
  const link = await runtime.db
    .selectFrom("share_links")
    .select(["token", "revoked_at"])
    .where("workspace_id", "=", scope.workspaceId)
    .where("app_id", "=", scope.appId)
    .where("form_id", "=", scope.formId)
    .where("token", "=", token)
    .executeTakeFirst();
  if (!link) throw notFound("share link");
  if (link.revoked_at !== null) return;
  await runtime.db
    .updateTable("share_links")
    .set({ revoked_at: runtime.clock.now() })
    .where("token", "=", token)
    .where("revoked_at", "is", null)
    .execute();
}

/** The form an active share token opens; 404 for an unknown or revoked token. */
export async function resolveShareToken(runtime: Runtime, token: string): Promise<RecordScope> {
  const link = await runtime.db
    .selectFrom("share_links")
    .select(["workspace_id", "app_id", "form_id"])
    .where("token", "=", token)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!link) throw notFound("share link");
  return { workspaceId: link.workspace_id, appId: link.app_id, formId: link.form_id };
}
