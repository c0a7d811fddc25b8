import type { FastifyPluginAsync } from "fastify";
import { seesEveryApp } from "../auth/app-access.js";
import { callerOf } from "../auth/authenticate.js";
import { requireRole } from "../auth/roles.js";
import { resolveAppSource, type InstallRequest } from "../apps/app-source.js";
import { getApp, listApps } from "../apps/app-view.js";
import { deleteApp } from "../apps/delete-app.js";
import { loadDraft, saveDraft } from "../apps/draft.js";
import { installApp } from "../apps/install.js";
import { publishDraft } from "../apps/publish.js";
import { getVersion, listVersions } from "../apps/versions.js";
import { appParams, id, type AppParams } from "./route-schemas.js";

// The definition's own shape is checked by validateDefinition, which names every problem at once.
const definition = { type: "object" } as const;

const installBody = {
  type: "object",
  additionalProperties: false,
  properties: {
    templateId: id,
    templateIds: { type: "array", minItems: 1, maxItems: 20, uniqueItems: true, items: id },
    definition,
    withDemoData: { type: "boolean" },
  },
} as const;

const draftBody = {
  type: "object",
  required: ["definition"],
  additionalProperties: false,
  properties: { definition },
} as const;

const versionParams = {
  type: "object",
  required: ["appId", "version"],
  additionalProperties: false,
  // A Postgres integer: a larger number would be a database error, not a missing version.
  properties: { appId: id, version: { type: "integer", minimum: 1, maximum: 2147483647 } },
} as const;

// Strict, so a misspelt `dryRun` is a 400 rather than a real publish.
const publishQuery = {
  type: "object",
  additionalProperties: false,
  properties: { dryRun: { type: "boolean", default: false } },
} as const;

/** Apps of a workspace: install, read, draft, publish (with its impact report), versions, delete. */
export const appRoutes: FastifyPluginAsync = async (app) => {
  const { runtime } = app;
  const { db } = runtime;

  app.post<{ Body: InstallRequest }>(
    "/api/apps",
    { schema: { body: installBody } },
    async (request, reply) => {
      const caller = callerOf(request);
      requireRole(caller, "builder");
      const installed = await installApp(
        runtime,
        caller,
        resolveAppSource(request.body, runtime.clock.now()),
      );
      return reply.code(201).send(installed);
    },
  );

  // Members and viewers see only the apps shared with them (see auth/app-access.ts).
  app.get("/api/apps", (request) => {
    const caller = callerOf(request);
    return listApps(db, caller.workspaceId, seesEveryApp(caller) ? undefined : caller.userId);
  });

  app.get<{ Params: AppParams }>("/api/apps/:appId", { schema: { params: appParams } }, (request) =>
    getApp(db, callerOf(request).workspaceId, request.params.appId),
  );

  app.put<{ Params: AppParams; Body: { definition: Record<string, unknown> } }>(
    "/api/apps/:appId/draft",
    { schema: { params: appParams, body: draftBody } },
    (request) => {
      const caller = callerOf(request);
      requireRole(caller, "builder");
      return saveDraft(runtime, caller, request.params.appId, request.body.definition);
    },
  );

  app.get<{ Params: AppParams }>("/api/apps/:appId/draft", { schema: { params: appParams } }, (request) =>
    loadDraft(db, callerOf(request).workspaceId, request.params.appId),
  );

  app.post<{ Params: AppParams; Querystring: { dryRun: boolean } }>(
    "/api/apps/:appId/publish",
    { schema: { params: appParams, querystring: publishQuery } },
    (request) => {
      const caller = callerOf(request);
      requireRole(caller, "builder");
      return publishDraft(runtime, caller, request.params.appId, request.query.dryRun);
    },
  );

  app.get<{ Params: AppParams }>("/api/apps/:appId/versions", { schema: { params: appParams } }, (request) =>
    listVersions(db, callerOf(request).workspaceId, request.params.appId),
  );

  app.get<{ Params: AppParams & { version: number } }>(
    "/api/apps/:appId/versions/:version",
    { schema: { params: versionParams } },
    (request) => getVersion(db, callerOf(request).workspaceId, request.params.appId, request.params.version),
  );

  app.delete<{ Params: AppParams }>(
    "/api/apps/:appId",
    { schema: { params: appParams } },
    async (request, reply) => {
      const caller = callerOf(request);
      requireRole(caller, "admin");
      await deleteApp(db, caller.workspaceId, request.params.appId);
      return reply.code(204).send();
    },
  );
  await Promise.resolve();
};
