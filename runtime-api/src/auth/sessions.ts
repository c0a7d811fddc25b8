import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { newToken } from "../ids.js";
import { isRole, type Caller } from "./roles.js";

/** How long a session lasts. */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/** Sessions are stored by the hash of their token: a leaked table does not sign anyone in. */
function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Open a session for a user and return its token. */
export async function createSession(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  now: Date,
): Promise<string> {
  const token = newToken();
  await db
    .insertInto("sessions")
    .values({
      token_hash: tokenHash(token),
      workspace_id: workspaceId,
      user_id: userId,
      expires_at: new Date(now.getTime() + SESSION_TTL_MS),
    })
    .execute();
  return token;
}

/** The caller a token belongs to, or null for an unknown or expired token. */
export async function callerOfToken(db: Kysely<Database>, token: string, now: Date): Promise<Caller | null> {
  if (token.length === 0 || token.length > 200) return null;
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", (j) =>
      j.onRef("users.workspace_id", "=", "sessions.workspace_id").onRef("users.id", "=", "sessions.user_id"),
    )
    .select([
      "users.id",
      "users.workspace_id",
      "users.role",
      "users.email",
      "users.name",
      "users.is_owner",
      "sessions.expires_at",
    ])
    .where("sessions.token_hash", "=", tokenHash(token))
    .executeTakeFirst();
  if (row === undefined || row.expires_at.getTime() <= now.getTime() || !isRole(row.role)) return null;
  return {
    userId: row.id,
    workspaceId: row.workspace_id,
    role: row.role,
    email: row.email,
    name: row.name,
    isOwner: row.is_owner,
  };
}

/** End a session. */
export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash(token)).execute();
}
