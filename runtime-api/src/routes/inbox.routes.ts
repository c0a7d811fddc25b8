import type { FastifyPluginAsync } from "fastify";
import { inboxOf } from "../approvals/inbox.js";
import { callerOf } from "../auth/authenticate.js";

/** The caller's inbox: open approval tasks and overdue records of apps they may see, oldest due first. */
export const inboxRoutes: FastifyPluginAsync = async (app) => {
  const { runtime } = app;
  app.get(
    "/api/inbox",
    { schema: { tags: ["approvals"], summary: "The caller's open approval tasks and overdue records" } },
    async (request) => {
      const caller = callerOf(request);
      return { items: await inboxOf(runtime.db, caller, runtime.clock.now()) };
    },
  );
  await Promise.resolve();
};
