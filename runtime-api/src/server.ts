import Fastify, { type FastifyInstance } from "fastify";
import type { RuntimeConfig } from "./config.js";
import { sendProblem } from "./problem.js";
import { templateRoutes } from "./templates.routes.js";
import { VERSION } from "./version.js";

/** Build the HTTP server (not listening yet): tests use `inject`, main() calls `listen`. */
export async function buildServer(config: RuntimeConfig): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, "Not Found", `no route ${request.method} ${request.url}`),
  );
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 500;
    return sendProblem(
      reply,
      status,
      status === 500 ? "Internal Server Error" : "Bad Request",
      status === 500 ? "unexpected error" : error.message,
    );
  });
  app.get("/api/health", () => ({
    status: "ok",
    database: config.databaseUrl ? "postgres" : "pglite",
    version: VERSION,
  }));
  await app.register(templateRoutes);
  return app;
}
