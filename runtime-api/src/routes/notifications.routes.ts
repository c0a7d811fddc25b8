import type { FastifyPluginAsync } from "fastify";
import { listNotifications, markNotificationRead } from "../approvals/notifications.js";
import { callerOf } from "../auth/authenticate.js";

const listQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    unread: { type: "boolean", default: false },
    limit: { type: "integer", minimum: 1, maximum: 500, default: 50 },
  },
} as const;

/** The caller's in-app notifications (of apps they may see). */
export const notificationRoutes: FastifyPluginAsync = async (app) => {
  const { runtime } = app;
  const tags = ["notifications"];

  app.get<{ Querystring: { unread: boolean; limit: number } }>(
    "/api/notifications",
    { schema: { tags, summary: "The caller's notifications, newest first", querystring: listQuery } },
    async (request) => {
      const caller = callerOf(request);
      return { items: await listNotifications(runtime.db, caller, request.query) };
    },
  );

  app.post<{ Params: { id: string } }>(
    "/api/notifications/:id/read",
    { schema: { tags, summary: "Mark one of the caller's notifications read" } },
    async (request) => {
      const caller = callerOf(request);
      return markNotificationRead(runtime.db, caller, request.params.id, runtime.clock.now());
    },
  );
  await Promise.resolve();
};
