import rateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsync } from "fastify";
import { HttpProblem } from "../problem.js";
import { publicFormView } from "../public/public-form.js";
import { resolveShareToken } from "../public/share-links.js";
import { createRecord } from "../records/create-record.js";
import { shareToken } from "./route-schemas.js";

/** Options of the public routes: how many submissions one client IP may make per window. */
export interface PublicRoutesOptions {
  /** Submissions per client IP per window; default 20. */
  submissionLimit?: number;
  /** The window in milliseconds; default one minute. */
  submissionWindowMs?: number;
}

interface TokenParams {
  shareToken: string;
}

const tokenParams = {
  type: "object",
  required: ["shareToken"],
  properties: { shareToken },
} as const;

// `data` itself is checked by the engine against the form, so every field error comes back at once.
const dataBody = {
  type: "object",
  required: ["data"],
  additionalProperties: false,
  properties: { data: { type: "object" } },
} as const;

/** Anonymous filling through a share link: the form's render definition, and a rate-limited submit. */
export const publicRoutes: FastifyPluginAsync<PublicRoutesOptions> = async (app, options) => {
  const { runtime } = app;
  // Registered in this plugin's scope only: it limits the routes below that ask for it.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpProblem(429, `too many submissions from this client; retry in ${context.after}`, [], {
        "Retry-After": String(seconds),
      });
    },
  });

  app.get<{ Params: TokenParams }>(
    "/api/public/forms/:shareToken",
    {
      schema: {
        tags: ["public forms"],
        summary: "The render definition of a shared form (its fields only); no sign-in",
        params: tokenParams,
        security: [],
      },
    },
    async (request) => publicFormView(runtime, await resolveShareToken(runtime, request.params.shareToken)),
  );

  app.post<{ Params: TokenParams; Body: { data: Record<string, unknown> } }>(
    "/api/public/forms/:shareToken/records",
    {
      schema: {
        tags: ["public forms"],
        summary: "Submit a record through a share link; answers only its id; rate limited per client IP",
        params: tokenParams,
        body: dataBody,
        security: [],
      },
      config: {
        rateLimit: {
          max: options.submissionLimit ?? 20,
          timeWindow: options.submissionWindowMs ?? 60_000,
        },
      },
    },
    async (request, reply) => {
      const token = request.params.shareToken;
      const scope = await resolveShareToken(runtime, token);
      const record = await createRecord(
        runtime,
        scope,
        { type: "public", shareToken: token },
        request.body.data,
      );
      return reply.code(201).send({ id: record.id });
    },
  );
};
