import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";
import { requireApp } from "./app-view.js";

/** One published version in an app's history, with the impact report it was published with. */
export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  changes: unknown[];
}

/** One published version with its (immutable) definition. */
export interface VersionView extends VersionSummary {
  definition: unknown;
}

/** An app's published versions, newest first; 404 when the workspace has no such app. */
export async function listVersions(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
): Promise<VersionSummary[]> {
  await requireApp(db, workspaceId, appId);
  const rows = await db
    .selectFrom("app_versions")
    .select(["version", "published_at", "published_by", "changes"])
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .orderBy("version", "desc")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    publishedAt: r.published_at.toISOString(),
    publishedBy: r.published_by,
    changes: r.changes,
  }));
}

/** One published version of an app; 404 when the app is not in the workspace or has no such version. */
export async function getVersion(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  version: number,
): Promise<VersionView> {
  const row = await db
    .selectFrom("app_versions")
    .select(["version", "definition", "published_at", "published_by", "changes"])
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) {
    await requireApp(db, workspaceId, appId);
    throw notFound(`version ${version} of this app`);
  }
  return {
    version: row.version,
    definition: row.definition,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.published_by,
    changes: row.changes,
  };
}
