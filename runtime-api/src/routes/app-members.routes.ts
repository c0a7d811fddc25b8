import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { addAppMember, listAppMembers, removeAppMember } from "../apps/app-members.js";
import { callerOf } from "../auth/authenticate.js";
import { requireRole } from "../auth/roles.js";
import { appParams, id, type AppParams } from "./route-schemas.js";

const memberParams = {
  type: "object",
  required: ["appId", "userId"],
  additionalProperties: false,
  properties: { appId: id, userId: id },
} as const;

const memberBody = {
  type: "object",
  required: ["userId"],
  additionalProperties: false,
  properties: { userId: id },
} as const;

const member = {
  type: "object",
  required: ["userId", "email", "name", "role", "addedBy", "addedAt"],
  properties: {
    userId: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", enum: ["admin", "builder", "member", "viewer"] },
    addedBy: { type: ["string", "null"] },
    addedAt: { type: "string", format: "date-time" },
  },
} as const;

/** Sharing is managed by builders and admins; checked before the body, so others hear 403 whatever they send. */
async function requireBuilder(request: FastifyRequest): Promise<void> {
  requireRole(callerOf(request), "builder");
  await Promise.resolve();
}

/**
 * Who an app is shared with. Members and viewers see (and work) only the apps shared with them;
 * admins and builders see every app of the workspace.
 */
export const appMemberRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.runtime;

  app.get<{ Params: AppParams }>(
    "/api/apps/:appId/members",
    {
      schema: {
        tags: ["apps"],
        summary: "The users an app is shared with (members and viewers see only shared apps); builder+",
        params: appParams,
        response: { 200: { type: "array", items: member } },
      },
      preValidation: requireBuilder,
    },
    (request) => listAppMembers(db, callerOf(request).workspaceId, request.params.appId),
  );

  app.post<{ Params: AppParams; Body: { userId: string } }>(
    "/api/apps/:appId/members",
    {
      schema: {
        tags: ["apps"],
        summary:
          "Share an app with a user of the workspace: 201 when added, 200 when it was shared already; " +
          "404 for a user or app of another workspace; builder+",
        params: appParams,
        body: memberBody,
        response: { 200: member, 201: member },
      },
      preValidation: requireBuilder,
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const added = await addAppMember(
        db,
        caller.workspaceId,
        request.params.appId,
        request.body.userId,
        caller.userId,
      );
      return reply.code(added.created ? 201 : 200).send(added.member);
    },
  );

  app.delete<{ Params: AppParams & { userId: string } }>(
    "/api/apps/:appId/members/:userId",
    {
      schema: {
        tags: ["apps"],
        summary: "Stop sharing an app with a user (404 when it is not shared with them); builder+",
        params: memberParams,
        response: { 204: { type: "null", description: "no content" } },
      },
      preValidation: requireBuilder,
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await removeAppMember(db, caller.workspaceId, request.params.appId, request.params.userId);
      return reply.code(204).send();
    },
  );
  await Promise.resolve();
};
