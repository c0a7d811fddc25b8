import type { FastifyError, FastifyInstance } from "fastify";
import { HttpProblem, sendProblem, type ProblemItem } from "./problem.js";
import { stderrLog, type ServerLog } from "./server-log.js";

// Connection-level failures of Postgres (and PGlite closing): the database is unavailable, not broken.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);

/** Whether an error means the database cannot be reached (answered 503), rather than a bug. */
export function isUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = "code" in error ? error.code : undefined;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  const message = "message" in error && typeof error.message === "string" ? error.message : "";
  // pg's words for a connection that died under a transaction ("… and is not queryable").
  return /Connection terminated|connect ECONNREFUSED|PGlite is closed|is not queryable/i.test(message);
}

function validationItems(error: FastifyError): ProblemItem[] {
  const prefix =
    error.validationContext === "body" || error.validationContext === undefined
      ? ""
      : `/${error.validationContext}`;
  return (error.validation ?? []).map((v) => {
    const params: Record<string, unknown> = { ...v.params };
    let path = `${prefix}${v.instancePath}`;
    if (v.keyword === "required" && typeof params["missingProperty"] === "string")
      path += `/${params["missingProperty"]}`;
    if (v.keyword === "additionalProperties" && typeof params["additionalProperty"] === "string") {
      path += `/${params["additionalProperty"]}`;
    }
    return { path, code: v.keyword, message: v.message ?? v.keyword, params };
  });
}

/**
 * Every error becomes problem+json: user errors as 4xx, an unreachable database as 503, bugs as
 * 500. Only the bugs go to `log`, with the request they broke, so a 500 can be traced.
 */
export function registerErrorHandler(app: FastifyInstance, log: ServerLog = stderrLog()): void {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, `no route ${request.method} ${request.url.split("?", 1)[0] ?? ""}`),
  );
  app.setErrorHandler((error: FastifyError | HttpProblem, request, reply) => {
    if (error instanceof HttpProblem) {
      void reply.headers(error.headers);
      return sendProblem(reply, error.status, error.message, error.errors);
    }
    if (error.validation)
      return sendProblem(reply, 400, "the request does not have the expected shape", validationItems(error));
    if (isUnavailable(error)) {
      void reply.header("Retry-After", "5");
      return sendProblem(reply, 503, "the database is unavailable; retry shortly");
    }
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500)
      return sendProblem(reply, status, error.message);
    log.error("unexpected error", {
      method: request.method,
      url: request.url,
      requestId: request.id,
      error: error.message,
      stack: error.stack,
    });
    return sendProblem(reply, 500, "unexpected error");
  });
}
