import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";
import type { Caller } from "./roles.js";

/** Whether a role sees every app of its workspace (else only the apps shared with the user). */
export function seesEveryApp(caller: Caller): boolean {
  return caller.role === "admin" || caller.role === "builder";
}

/**
 * 404 unless the caller may see the app: admins and builders see every app of their workspace,
 * members and viewers only the apps shared with them. 404 rather than 403, so an app that is not
 * shared with someone looks exactly like one that does not exist.
 */
export async function requireAppAccess(db: Kysely<Database>, caller: Caller, appId: string): Promise<void> {
  if (seesEveryApp(caller)) return;
  const shared = await db
    .selectFrom("app_members")
    .select("app_id")
    .where("workspace_id", "=", caller.workspaceId)
    .where("app_id", "=", appId)
    .where("user_id", "=", caller.userId)
    .executeTakeFirst();
  if (!shared) throw notFound("app");
}

/**
 * The one place app sharing is enforced: every route with an `:appId` parameter (the app itself,
 * its records, history, transitions, KPIs, dashboards, runs, imports, exports, share links, members)
 * answers 404 to a member or viewer the app is not shared with, before its body is even read.
 * Register on the root instance after the authentication hook.
 */
export function registerAppAccess(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    const caller = request.caller;
    if (caller === null) return;
    const params: unknown = request.params;
    if (typeof params !== "object" || params === null || !("appId" in params)) return;
    const appId = params.appId;
    if (typeof appId === "string") await requireAppAccess(app.runtime.db, caller, appId);
  });
}
