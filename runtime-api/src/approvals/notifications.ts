import type { I18nText } from "@stagecraft/schemas";
import type { Kysely, Selectable } from "kysely";
import type { Database, NotificationsTable } from "../db/tables.js";
import { notFound } from "../problem.js";

/** A notification as the API answers it. */
export interface NotificationView {
  id: string;
  appId: string | null;
  recordId: string | null;
  title: I18nText;
  body: I18nText | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

function notificationView(row: Selectable<NotificationsTable>): NotificationView {
  return {
    id: row.id,
    appId: row.app_id,
    recordId: row.record_id,
    title: row.title,
    body: row.body,
    read: row.read_at !== null,
    readAt: row.read_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The caller's notifications, newest first, optionally only the unread ones. */
export async function listNotifications(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  options: { unread: boolean; limit: number },
): Promise<NotificationView[]> {
  let query = db
    .selectFrom("notifications")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId);
  if (options.unread) query = query.where("read_at", "is", null);
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(options.limit).execute();
  return rows.map(notificationView);
}

/** Mark one of the caller's notifications read (again: no change); 404 when it is not theirs. */
export async function markNotificationRead(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  id: string,
  now: Date,
): Promise<NotificationView> {
  await db
    .updateTable("notifications")
    .set({ read_at: now })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .where("read_at", "is", null)
    .execute();
  const row = await db
    .selectFrom("notifications")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (row === undefined) throw notFound("notification");
  return notificationView(row);
}
