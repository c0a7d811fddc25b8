import type { FastifyPluginAsync } from "fastify";
import { getTemplate, listTemplates } from "@stagecraft/templates";
import { sendProblem } from "./problem.js";

/** Read-only presets shipped in the templates package. */
export const templateRoutes: FastifyPluginAsync = async (app) => {
  app.get("/api/templates", () => listTemplates());
  app.get<{ Params: { id: string } }>("/api/templates/:id", (request, reply) => {
    const definition = getTemplate(request.params.id);
    if (!definition) return sendProblem(reply, 404, `no template "${request.params.id}"`);
    return definition;
  });
  await Promise.resolve();
};
