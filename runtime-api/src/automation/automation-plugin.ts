import type { FastifyPluginAsync } from "fastify";
import { runRoutes } from "../routes/runs.routes.js";
import { hookRoutes } from "./hooks.routes.js";

/** The HTTP side of automation: inbound hooks, run logs and retries, the webhook allow-list. */
export const automationPlugin: FastifyPluginAsync = async (app) => {
  await app.register(hookRoutes);
  await app.register(runRoutes);
};
