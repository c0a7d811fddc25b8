import type { Kysely } from "kysely";
import { seesApp } from "../auth/app-access.js";
import type { Caller } from "../auth/roles.js";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";

/** Who asks about approvals: the signed-in caller, whose role and shares scope what they see. */
export type ApprovalCaller = Caller;

/**
 * 404 unless the caller may see the app of the approval (whatever approvals name them): an
 * approval of an app not shared with them looks exactly like one that does not exist (never 403,
 * which would confirm it exists).
 */
export async function requireApprovalScope(
  db: Kysely<Database>,
  caller: ApprovalCaller,
  appId: string,
): Promise<void> {
  if (!(await seesApp(db, caller, appId))) throw notFound("approval");
}
