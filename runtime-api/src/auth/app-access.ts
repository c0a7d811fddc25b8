import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";
import type { Caller } from "./roles.js";

/** Whether a role sees every app of its workspace (else only the apps shared with the user). */
export function seesEveryApp(caller: Caller): boolean {
  return caller.role === "admin" || caller.role === "builder";
}

/** The ids of the apps shared with the caller, as a subquery (for `where(app_id, "in", …)`). */
export function sharedAppIds(db: Kysely<Database>, caller: Caller) {
  return db
    .selectFrom("app_members")
    .select("app_id")
    .where("workspace_id", "=", caller.workspaceId)
    .where("user_id", "=", caller.userId);
}

/**
 * Whether the caller may see the app (and what belongs to it): admins and builders see every app
 * of their workspace, members and viewers only the apps shared with them.
 */
export async function seesApp(db: Kysely<Database>, caller: Caller, appId: string): Promise<boolean> {
  if (seesEveryApp(caller)) return true;
  return (await sharedAppIds(db, caller).where("app_id", "=", appId).executeTakeFirst()) !== undefined;
}

/**
 * 404 unless the caller may see the app: 404 rather than 403, so an app that is not shared with
 * someone looks exactly like one that does not exist.
 */
export async function requireAppAccess(db: Kysely<Database>, caller: Caller, appId: string): Promise<void> {
  if (!(await seesApp(db, caller, appId))) throw notFound("app");
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
