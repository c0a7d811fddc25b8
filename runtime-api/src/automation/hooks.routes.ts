import { matchRules, type RecordEvent } from "@stagecraft/engine";
import type { FastifyPluginAsync } from "fastify";
import { loadPublishedApp } from "../apps/app-cache.js";
import { callerOf } from "../auth/authenticate.js";
import { requireRole } from "../auth/roles.js";
import { newId, newToken } from "../ids.js";
import { HttpProblem, notFound } from "../problem.js";
import { ruleRunRow } from "./new-run.js";

/**
 * Inbound webhooks: a builder gets a secret URL for a rule whose trigger is `webhook`; a POST of
 * JSON to it (no sign-in: the token is the credential) enqueues a run of the rule with the body
 * as `_payload`. Unknown, removed or disabled hooks answer 404 alike.
 */
export const hookRoutes: FastifyPluginAsync = async (app) => {
  const { runtime } = app;
  const { db, clock } = runtime;

  app.post<{ Params: { appId: string; ruleId: string } }>(
    "/api/apps/:appId/rules/:ruleId/hook",
    async (request, reply) => {
      const caller = callerOf(request);
      requireRole(caller, "builder");
      const { appId, ruleId } = request.params;
      const published = await loadPublishedApp(runtime, caller.workspaceId, appId);
      const rule = published.compiled.rules.ruleById.get(ruleId);
      if (rule === undefined) throw notFound("rule");
      if (rule.rule.trigger.type !== "webhook") {
        throw new HttpProblem(422, "only a rule whose trigger is an inbound webhook has a hook URL", [
          {
            path: "/ruleId",
            code: "not_webhook_trigger",
            message: `the trigger is ${rule.rule.trigger.type}`,
          },
        ]);
      }
      const created = await db
        .insertInto("hook_tokens")
        .values({
          token: newToken(),
          workspace_id: caller.workspaceId,
          app_id: appId,
          rule_id: ruleId,
          created_at: clock.now(),
        })
        .onConflict((oc) => oc.columns(["workspace_id", "app_id", "rule_id"]).doNothing())
        .returning("token")
        .executeTakeFirst();
      const token =
        created?.token ??
        (
          await db
            .selectFrom("hook_tokens")
            .select("token")
            .where("workspace_id", "=", caller.workspaceId)
            .where("app_id", "=", appId)
            .where("rule_id", "=", ruleId)
            .executeTakeFirstOrThrow()
        ).token;
      const url = `${request.protocol}://${request.host}/api/hooks/${token}`;
      return reply.code(created ? 201 : 200).send({ hookToken: token, url });
    },
  );

  app.post<{ Params: { hookToken: string } }>("/api/hooks/:hookToken", async (request, reply) => {
    const token = request.params.hookToken;
    const hook = await db.selectFrom("hook_tokens").selectAll().where("token", "=", token).executeTakeFirst();
    if (!hook) throw notFound("hook");
    const published = await loadPublishedApp(runtime, hook.workspace_id, hook.app_id).catch(
      (err: unknown) => {
        // The app was deleted: the hook is gone with it. Other errors (database down) stay errors.
        if (err instanceof HttpProblem && err.status === 404) return undefined;
        throw err;
      },
    );
    const rule = published?.compiled.rules.ruleById.get(hook.rule_id);
    if (
      published === undefined ||
      rule === undefined ||
      !rule.enabled ||
      rule.rule.trigger.type !== "webhook"
    )
      throw notFound("hook");
    const payload: unknown = request.body ?? null;
    const now = clock.now();
    const event: RecordEvent = { type: "webhook", ruleId: rule.id, payload, depth: 0 };
    const matched = matchRules(published.compiled, event, { now: now.toISOString() }).rules.length > 0;
    // The rule's condition does not hold for this payload: accepted, nothing to run.
    if (!matched) return reply.code(200).send({ runId: null });
    const runId = newId();
    await db
      .insertInto("rule_runs")
      .values(
        ruleRunRow({
          workspaceId: hook.workspace_id,
          id: runId,
          appId: hook.app_id,
          appVersion: published.version,
          ruleId: rule.id,
          recordId: null,
          trigger: { type: "webhook", payload },
          depth: 0,
          runAt: now,
          createdAt: now,
        }),
      )
      .execute();
    return reply.code(202).send({ runId });
  });
  await Promise.resolve();
};
