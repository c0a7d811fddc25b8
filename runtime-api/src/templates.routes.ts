import type { FastifyPluginAsync } from "fastify";
import { getTemplate, listTemplates, TEMPLATE_COMBINATIONS } from "@stagecraft/templates";
import { sendProblem } from "./problem.js";

const templateParams = {
  type: "object",
  required: ["id"],
  additionalProperties: false,
  properties: { id: { type: "string", minLength: 1, maxLength: 100 } },
} as const;

/** Read-only presets shipped in the templates package, and the recommended combinations of them. */
export const templateRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    "/api/templates",
    { schema: { tags: ["templates"], summary: "Every shipped template with its metadata and counts" } },
    () => listTemplates(),
  );
  app.get(
    "/api/template-combinations",
    {
      schema: {
        tags: ["templates"],
        summary: "Recommended combinations of templates, each installable as one app ({templateIds})",
      },
    },
    () => TEMPLATE_COMBINATIONS,
  );
  app.get<{ Params: { id: string } }>(
    "/api/templates/:id",
    { schema: { tags: ["templates"], summary: "A template's full app definition", params: templateParams } },
    (request, reply) => {
      const definition = getTemplate(request.params.id);
      if (!definition) return sendProblem(reply, 404, `no template "${request.params.id}"`);
      return definition;
    },
  );
  await Promise.resolve();
};
