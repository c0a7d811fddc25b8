import type { I18nText } from "@stagecraft/schemas";
import type { Kysely } from "kysely";
import { json } from "../db/sql-json.js";
import type { Database } from "../db/tables.js";
import { newId } from "../ids.js";

/** An in-app notification to write. */
export interface NotificationInput {
  workspaceId: string;
  appId: string;
  recordId: string | null;
  title: I18nText;
  body?: I18nText;
  at: Date;
}

/** Write one in-app notification per user (duplicates dropped) inside the caller's transaction. */
export async function notifyUsers(
  tx: Kysely<Database>,
  userIds: readonly string[],
  input: NotificationInput,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx
    .insertInto("notifications")
    .values(
      unique.map((userId) => ({
        workspace_id: input.workspaceId,
        id: newId(),
        user_id: userId,
        app_id: input.appId,
        record_id: input.recordId,
        title: json(input.title),
        body: input.body === undefined ? null : json(input.body),
        run_id: null,
        created_at: input.at,
      })),
    )
    .execute();
}

/** The manager of a user of the workspace, if any. */
export async function managerOf(
  tx: Kysely<Database>,
  workspaceId: string,
  userId: string | null,
): Promise<string | null> {
  if (userId === null) return null;
  const row = await tx
    .selectFrom("users")
    .select("manager_id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.manager_id ?? null;
}
