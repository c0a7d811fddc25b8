import { sql, type Kysely } from "kysely";
import type { I18nText } from "@stagecraft/schemas";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";
import { appsWithPublishedVersion } from "./published-apps-where.js";

/** One app of `GET /api/apps`. */
export interface AppSummary {
  id: string;
  name: I18nText;
  version: number;
  templateId: string | null;
  createdAt: string;
  updatedAt: string;
  hasDraft: boolean;
}

/** An app with its published definition (`GET /api/apps/:appId`, and what installing answers). */
export interface AppView extends AppSummary {
  definition: unknown;
}

/**
 * The apps of a workspace, oldest first (drafts and definitions are not loaded); with
 * `sharedWith`, only the apps shared with that user.
 */
export async function listApps(
  db: Kysely<Database>,
  workspaceId: string,
  sharedWith?: string,
): Promise<AppSummary[]> {
  let query = db
    .selectFrom("apps")
    .select(["id", "name", "version", "template_id", "created_at", "updated_at"])
    .select(sql<boolean>`draft is not null`.as("has_draft"))
    .where("workspace_id", "=", workspaceId);
  if (sharedWith !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("app_members as m")
          .select("m.app_id")
          .whereRef("m.workspace_id", "=", "apps.workspace_id")
          .whereRef("m.app_id", "=", "apps.id")
          .where("m.user_id", "=", sharedWith),
      ),
    );
  }
  const rows = await query.orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    templateId: r.template_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    hasDraft: r.has_draft,
  }));
}

/** An app of the workspace with its published definition; 404 when the workspace has no such app. */
export async function getApp(db: Kysely<Database>, workspaceId: string, appId: string): Promise<AppView> {
  const row = await appsWithPublishedVersion(db)
    .select([
      "apps.id",
      "apps.name",
      "apps.version",
      "apps.template_id",
      "apps.created_at",
      "apps.updated_at",
      "v.definition",
    ])
    .select(sql<boolean>`apps.draft is not null`.as("has_draft"))
    .where("apps.workspace_id", "=", workspaceId)
    .where("apps.id", "=", appId)
    .executeTakeFirst();
  if (!row) throw notFound("app");
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    templateId: row.template_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    hasDraft: row.has_draft,
    definition: row.definition,
  };
}

/** 404 unless the workspace has this app. */
export async function requireApp(db: Kysely<Database>, workspaceId: string, appId: string): Promise<void> {
  const row = await db
    .selectFrom("apps")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", appId)
    .executeTakeFirst();
  if (!row) throw notFound("app");
}
