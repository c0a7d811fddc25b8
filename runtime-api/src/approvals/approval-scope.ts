import type { Kysely } from "kysely";
import { seesEveryApp } from "../auth/app-access.js";
import type { Caller } from "../auth/roles.js";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";

/** Who asks about approvals: the signed-in caller, whose role and shares scope what they see. */
export type ApprovalCaller = Caller;

/**
 * Whether the caller may see approvals of the app: admins and builders see every app of their
 * workspace, members and viewers only the apps shared with them (whatever approvals name them).
 */
export async function seesApprovalsOf(
  db: Kysely<Database>,
  caller: ApprovalCaller,
  appId: string,
): Promise<boolean> {
  if (seesEveryApp(caller)) return true;
  const shared = await db
    .selectFrom("app_members")
    .select("app_id")
    .where("workspace_id", "=", caller.workspaceId)
    .where("app_id", "=", appId)
    .where("user_id", "=", caller.userId)
    .executeTakeFirst();
  return shared !== undefined;
}

/**
 * 404 unless the caller may see approvals of the app: an approval of an app not shared with them
 * looks exactly like one that does not exist (never 403, which would confirm it exists).
 */
export async function requireApprovalScope(
  db: Kysely<Database>,
  caller: ApprovalCaller,
  appId: string,
): Promise<void> {
  if (!(await seesApprovalsOf(db, caller, appId))) throw notFound("approval");
}

/** The ids of the apps shared with the caller, as a subquery (for `where(app_id, "in", …)`). */
export function sharedAppIds(db: Kysely<Database>, caller: ApprovalCaller) {
  return db
    .selectFrom("app_members")
    .select("app_id")
    .where("workspace_id", "=", caller.workspaceId)
    .where("user_id", "=", caller.userId);
}
