import type { FastifyPluginAsync } from "fastify";
import { callerOf } from "../auth/authenticate.js";
import { requireRole } from "../auth/roles.js";
import { allowListHost } from "../automation/allowlist.js";
import { retryRun } from "../automation/queue.js";
import { RUN_STATUSES, ruleRunOf, type RunStatus } from "../automation/rule-run.js";
import { runView } from "../automation/run-view.js";
import { HttpProblem, notFound } from "../problem.js";
import { id } from "./route-schemas.js";

/** Runs listed at most per request. */
const MAX_RUNS = 500;

const runsQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    ruleId: id,
    status: { type: "string", enum: RUN_STATUSES },
    limit: { type: "integer", minimum: 1, maximum: MAX_RUNS, default: 50 },
  },
} as const;

const hostBody = {
  type: "object",
  required: ["host"],
  additionalProperties: false,
  properties: { host: { type: "string", minLength: 1, maxLength: 253 } },
} as const;

interface AppParams {
  appId: string;
}

function badHost(input: string): HttpProblem {
  return new HttpProblem(422, "the host is not a bare host name or IP address", [
    { path: "/host", code: "invalid_host", message: `"${input}" is not a host (no scheme, port or path)` },
  ]);
}

/**
 * The automation run log of an app and manual retries (builders and admins), and the outbound
 * webhook allow-list of the workspace (admins).
 */
export const runRoutes: FastifyPluginAsync = async (app) => {
  const { db, clock } = app.runtime;

  /** 404 unless the app is in the caller's workspace. */
  async function assertApp(workspaceId: string, appId: string): Promise<void> {
    const found = await db
      .selectFrom("apps")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", appId)
      .executeTakeFirst();
    if (!found) throw notFound("app");
  }

  app.get<{ Params: AppParams; Querystring: { ruleId?: string; status?: RunStatus; limit: number } }>(
    "/api/apps/:appId/runs",
    { schema: { querystring: runsQuery } },
    async (request) => {
      const caller = callerOf(request);
      requireRole(caller, "builder");
      const { appId } = request.params;
      await assertApp(caller.workspaceId, appId);
      const { ruleId, status, limit } = request.query;
      const rows = await db
        .selectFrom("rule_runs")
        .selectAll()
        .where("workspace_id", "=", caller.workspaceId)
        .where("app_id", "=", appId)
        .$if(ruleId !== undefined, (qb) => qb.where("rule_id", "=", ruleId ?? ""))
        .$if(status !== undefined, (qb) => qb.where("status", "=", status ?? ""))
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map((row) => runView(ruleRunOf(row)));
    },
  );

  app.post<{ Params: AppParams & { runId: string } }>(
    "/api/apps/:appId/runs/:runId/retry",
    async (request) => {
      const caller = callerOf(request);
      requireRole(caller, "builder");
      const { appId, runId } = request.params;
      await assertApp(caller.workspaceId, appId);
      const result = await retryRun(db, caller.workspaceId, appId, runId, clock.now());
      if (result.ok) return runView(result.run);
      if (result.reason === "not_found") throw notFound("run");
      throw new HttpProblem(409, `only failed or dead runs can be retried; this run is ${result.status}`);
    },
  );

  app.get("/api/webhook-allowlist", async (request) => {
    const caller = callerOf(request);
    requireRole(caller, "admin");
    const rows = await db
      .selectFrom("webhook_allowlist")
      .select(["host", "created_at"])
      .where("workspace_id", "=", caller.workspaceId)
      .orderBy("host")
      .execute();
    return rows.map((r) => ({ host: r.host, createdAt: r.created_at.toISOString() }));
  });

  app.post<{ Body: { host: string } }>(
    "/api/webhook-allowlist",
    { schema: { body: hostBody } },
    async (request, reply) => {
      const caller = callerOf(request);
      requireRole(caller, "admin");
      const host = allowListHost(request.body.host);
      if (host === undefined) throw badHost(request.body.host);
      const inserted = await db
        .insertInto("webhook_allowlist")
        .values({ workspace_id: caller.workspaceId, host, created_at: clock.now() })
        .onConflict((oc) => oc.columns(["workspace_id", "host"]).doNothing())
        .returning(["host", "created_at"])
        .executeTakeFirst();
      const row =
        inserted ??
        (await db
          .selectFrom("webhook_allowlist")
          .select(["host", "created_at"])
          .where("workspace_id", "=", caller.workspaceId)
          .where("host", "=", host)
          .executeTakeFirstOrThrow());
      return reply
        .code(inserted ? 201 : 200)
        .send({ host: row.host, createdAt: row.created_at.toISOString() });
    },
  );

  /** Remove a host (path parameter, or `{host}` in the body of DELETE /api/webhook-allowlist). */
  async function removeHost(workspaceId: string, input: string): Promise<void> {
    const host = allowListHost(input);
    if (host === undefined) throw badHost(input);
    const result = await db
      .deleteFrom("webhook_allowlist")
      .where("workspace_id", "=", workspaceId)
      .where("host", "=", host)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound("allow-listed host");
  }

  app.delete<{ Params: { host: string } }>("/api/webhook-allowlist/:host", async (request, reply) => {
    const caller = callerOf(request);
    requireRole(caller, "admin");
    await removeHost(caller.workspaceId, request.params.host);
    return reply.code(204).send();
  });

  app.delete<{ Body: { host: string } }>(
    "/api/webhook-allowlist",
    { schema: { body: hostBody } },
    async (request, reply) => {
      const caller = callerOf(request);
      requireRole(caller, "admin");
      await removeHost(caller.workspaceId, request.body.host);
      return reply.code(204).send();
    },
  );
  await Promise.resolve();
};
