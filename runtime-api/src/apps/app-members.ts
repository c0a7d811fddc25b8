import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";
import { requireApp } from "./app-view.js";

/** A user an app is shared with (`GET /api/apps/:appId/members`). */
export interface AppMember {
  userId: string;
  email: string;
  name: string;
  role: string;
  addedBy: string | null;
  addedAt: string;
}

/** The users an app is shared with, in the order they were added; 404 for an unknown app. */
export async function listAppMembers(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
): Promise<AppMember[]> {
  await requireApp(db, workspaceId, appId);
  const rows = await db
    .selectFrom("app_members as m")
    .innerJoin("users as u", (join) =>
      join.onRef("u.workspace_id", "=", "m.workspace_id").onRef("u.id", "=", "m.user_id"),
    )
    .select(["m.user_id", "u.email", "u.name", "u.role", "m.added_by", "m.added_at"])
    .where("m.workspace_id", "=", workspaceId)
    .where("m.app_id", "=", appId)
    .orderBy("m.added_at")
    .orderBy("m.user_id")
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    name: r.name,
    role: r.role,
    addedBy: r.added_by,
    addedAt: r.added_at.toISOString(),
  }));
}

/** Whether sharing created a row (`created`) or the app was shared with the user already. */
export interface AddedMember {
  created: boolean;
  member: AppMember;
}

/**
 * Share an app with a user of the same workspace (idempotent); 404 for an app or user the
 * workspace does not have.
 */
export async function addAppMember(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  userId: string,
  addedBy: string,
): Promise<AddedMember> {
  await requireApp(db, workspaceId, appId);
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) throw notFound("user");
  const inserted = await db
    .insertInto("app_members")
    .values({ workspace_id: workspaceId, app_id: appId, user_id: userId, added_by: addedBy })
    .onConflict((oc) => oc.columns(["workspace_id", "app_id", "user_id"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  const members = await listAppMembers(db, workspaceId, appId);
  const member = members.find((m) => m.userId === userId);
  // The user row was read above and the foreign key cascades, so only a concurrent delete gets here.
  if (member === undefined) throw notFound("user");
  return { created: inserted !== undefined, member };
}

/** Stop sharing an app with a user; 404 when the app is unknown or not shared with them. */
export async function removeAppMember(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  userId: string,
): Promise<void> {
  await requireApp(db, workspaceId, appId);
  const deleted = await db
    .deleteFrom("app_members")
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw notFound("app member");
}
