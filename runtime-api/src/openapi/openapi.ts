import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { SESSION_COOKIE } from "../auth/authenticate.js";
import { VERSION } from "../version.js";

/** Where the interactive docs live (the spec itself is at `/openapi.json`). */
export const DOCS_PREFIX = "/docs";

/**
 * Describe the server in OpenAPI 3: `GET /openapi.json` serves the spec of every route and
 * `GET /docs` the interactive docs (both public: they are outside `/api/`). Register it before
 * any route, on the root instance, so it sees them all.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Stagecraft runtime API",
        version: VERSION,
        description:
          "Every 4xx/5xx answer is application/problem+json (RFC 9457). Routes under /api/ take the " +
          "session cookie or a bearer token, except /api/health, /api/auth/login, /api/public/* and /api/hooks/*.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
  app.get(
    "/openapi.json",
    {
      schema: {
        tags: ["docs"],
        summary: "This OpenAPI 3 document (interactive docs at /docs)",
        security: [],
      },
    },
    () => app.swagger(),
  );
}
