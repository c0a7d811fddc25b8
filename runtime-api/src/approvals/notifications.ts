import type { I18nText } from "@stagecraft/schemas";
import type { Kysely, Selectable } from "kysely";
import { seesEveryApp } from "../auth/app-access.js";
import type { Database, NotificationsTable } from "../db/tables.js";
import { notFound } from "../problem.js";
import { sharedAppIds } from "../auth/app-access.js";
import type { ApprovalCaller } from "./approval-scope.js";

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

/** The caller's notifications: theirs, and for members and viewers only of apps shared with them (or of none). */
function notificationsOf(db: Kysely<Database>, caller: ApprovalCaller) {
  return db
    .selectFrom("notifications")
    .selectAll()
    .where("workspace_id", "=", caller.workspaceId)
    .where("user_id", "=", caller.userId)
    .$if(!seesEveryApp(caller), (query) =>
      query.where((eb) => eb.or([eb("app_id", "is", null), eb("app_id", "in", sharedAppIds(db, caller))])),
    );
}

/**
 * The caller's notifications, newest first, optionally only the unread ones. Those of an app no
 * longer shared with a member or viewer are left out (their titles name its forms and stages).
 */
export async function listNotifications(
  db: Kysely<Database>,
  caller: ApprovalCaller,
  options: { unread: boolean; limit: number },
): Promise<NotificationView[]> {
  let query = notificationsOf(db, caller);
  if (options.unread) query = query.where("read_at", "is", null);
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(options.limit).execute();
  return rows.map(notificationView);
}

/**
 * Mark one of the caller's notifications read (again: no change); 404 when it is not theirs or
 * its app is not shared with them.
 */
export async function markNotificationRead(
  db: Kysely<Database>,
  caller: ApprovalCaller,
  id: string,
  now: Date,
): Promise<NotificationView> {
  const row = await notificationsOf(db, caller).where("id", "=", id).executeTakeFirst();
  if (row === undefined) throw notFound("notification");
  if (row.read_at !== null) return notificationView(row);
  // Only a first read stamps the time: of two concurrent reads, the later one keeps the first's.
  const updated = await db
    .updateTable("notifications")
    .set({ read_at: now })
    .where("workspace_id", "=", caller.workspaceId)
    .where("id", "=", id)
    .where("read_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  if (updated !== undefined) return notificationView(updated);
  const again = await notificationsOf(db, caller).where("id", "=", id).executeTakeFirstOrThrow();
  return notificationView(again);
}
