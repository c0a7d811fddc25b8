import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { callerOf } from "../auth/authenticate.js";
import { requireRole } from "../auth/roles.js";
import { createShareLink, listShareLinks, revokeShareLink } from "../public/share-links.js";
import type { RecordScope } from "../records/record-scope.js";
import { id, shareToken } from "./route-schemas.js";

const BASE = "/api/apps/:appId/forms/:formId";

interface FormParams {
  appId: string;
  formId: string;
}
interface ShareParams extends FormParams {
  token: string;
}

const formParams = {
  type: "object",
  required: ["appId", "formId"],
  additionalProperties: false,
  properties: { appId: id, formId: id },
} as const;

const shareParams = {
  type: "object",
  required: ["appId", "formId", "token"],
  additionalProperties: false,
  properties: { appId: id, formId: id, token: shareToken },
} as const;

/** Share links need a builder or higher; checked before anything else. */
async function requireBuilder(request: FastifyRequest): Promise<void> {
  requireRole(callerOf(request), "builder");
  await Promise.resolve();
}

function scopeOf(request: FastifyRequest<{ Params: FormParams }>): RecordScope {
  return {
    workspaceId: callerOf(request).workspaceId,
    appId: request.params.appId,
    formId: request.params.formId,
  };
}

/** Builders share a form with anyone through a secret link: create, list and revoke links. */
export const shareRoutes: FastifyPluginAsync = async (app) => {
  const { runtime } = app;

  app.post<{ Params: FormParams }>(
    `${BASE}/share`,
    {
      schema: {
        tags: ["public forms"],
        summary: "Create a share link of a form (a new secret token each call); builder+",
        params: formParams,
      },
      preValidation: requireBuilder,
    },
    async (request, reply) => {
      const link = await createShareLink(runtime, scopeOf(request), callerOf(request).userId);
      return reply.code(201).send(link);
    },
  );

  app.get<{ Params: FormParams }>(
    `${BASE}/shares`,
    {
      schema: {
        tags: ["public forms"],
        summary: "List the share links of a form, revoked ones included (revokedAt); builder+",
        params: formParams,
      },
      preValidation: requireBuilder,
    },
    async (request) => listShareLinks(runtime, scopeOf(request)),
  );

  app.delete<{ Params: ShareParams }>(
    `${BASE}/share/:token`,
    {
      schema: { tags: ["public forms"], summary: "Revoke a share link; builder+", params: shareParams },
      preValidation: requireBuilder,
    },
    async (request, reply) => {
      await revokeShareLink(runtime, scopeOf(request), request.params.token);
      return reply.code(204).send();
    },
  );

  await Promise.resolve();
};
