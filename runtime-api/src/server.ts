import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import { sql } from "kysely";
import { registerAppAccess } from "./auth/app-access.js";
import { registerAuthentication } from "./auth/authenticate.js";
import { automationPlugin } from "./automation/automation-plugin.js";
import { registerErrorHandler } from "./error-handler.js";
import { registerOpenApi } from "./openapi/openapi.js";
import { registerRequestValidation } from "./request-validation.js";
import { sendProblem } from "./problem.js";
import { approvalRoutes } from "./routes/approvals.routes.js";
import { appMemberRoutes } from "./routes/app-members.routes.js";
import { appRoutes } from "./routes/apps.routes.js";
import { authRoutes } from "./routes/auth.routes.js";
import { inboxRoutes } from "./routes/inbox.routes.js";
import { kpiRoutes } from "./routes/kpis.routes.js";
import { notificationRoutes } from "./routes/notifications.routes.js";
import { publicRoutes } from "./routes/public.routes.js";
import { recordRoutes } from "./routes/records.routes.js";
import { shareRoutes } from "./routes/share.routes.js";
import type { ServerLog } from "./server-log.js";
import { registerStorableText } from "./storable-text.js";
import { transferRoutes } from "./routes/transfer.routes.js";
import { userRoutes } from "./routes/users.routes.js";
import type { Runtime } from "./runtime.js";
import { templateRoutes } from "./templates.routes.js";
import { registerUi } from "./ui.js";
import { VERSION } from "./version.js";

/** Largest request body accepted (imports have their own limit). */
export const BODY_LIMIT = 1024 * 1024;

/** What a server may be given besides the runtime. */
export interface ServerOptions {
  /** Where unexpected errors are reported; one JSON line on stderr each unless given. */
  log?: ServerLog;
}

/** Build the HTTP server (not listening yet): tests use `inject`, main() calls `listen`. */
export async function buildServer(runtime: Runtime, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    // Router refusals (a path parameter beyond maxParamLength: 414, a malformed URL: 400) answer
    // problem+json like every other error instead of Fastify's own JSON.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 400;
      sendProblem(reply, status, error.message);
    },
  });
  app.decorate("runtime", runtime);
  // Bodies are JSON (imports add their own parser): anything else is 415.
  app.removeContentTypeParser("text/plain");
  registerRequestValidation(app);
  registerErrorHandler(app, options.log);
  await app.register(cookie);
  await registerOpenApi(app);
  registerAuthentication(app);
  registerAppAccess(app);
  registerStorableText(app);
  // Health includes the database: while it is unreachable this answers 503 (load balancers see it).
  app.get("/api/health", async () => {
    await sql`select 1`.execute(runtime.db);
    return { status: "ok", database: runtime.dbKind, version: VERSION };
  });
  await app.register(templateRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(appRoutes);
  await app.register(appMemberRoutes);
  await app.register(recordRoutes);
  await app.register(approvalRoutes);
  await app.register(inboxRoutes);
  await app.register(notificationRoutes);
  await app.register(kpiRoutes);
  await app.register(automationPlugin);
  await app.register(transferRoutes);
  await app.register(shareRoutes);
  await app.register(publicRoutes);
  await registerUi(app);
  return app;
}
