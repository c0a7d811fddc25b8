import type { FastifyInstance, FastifyRequest } from "fastify";
import { HttpProblem } from "../problem.js";
import type { Caller } from "./roles.js";
import { callerOfToken } from "./sessions.js";

export const SESSION_COOKIE = "sc_session";

/** Routes anyone may call: health, sign-in, public share links, inbound hooks, docs. */
function isPublic(url: string): boolean {
  const path = url.split("?", 1)[0] ?? "";
  return (
    !path.startsWith("/api/") ||
    path === "/api/health" ||
    path === "/api/auth/login" ||
    path.startsWith("/api/public/") ||
    path.startsWith("/api/hooks/")
  );
}

/** The session token of a request: the bearer token, else the session cookie. */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1];
  }
  return request.cookies[SESSION_COOKIE];
}

/** Resolve the caller of every request; private routes answer 401 without one. */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest("caller", null);
  app.addHook("onRequest", async (request) => {
    const token = tokenOf(request);
    if (token !== undefined) {
      request.caller = await callerOfToken(app.runtime.db, token, app.runtime.clock.now());
    }
    if (request.caller === null && !isPublic(request.url)) {
      throw new HttpProblem(401, "sign in first: send the session cookie or an Authorization: Bearer token");
    }
  });
}

/** The caller of an authenticated route (the onRequest hook guarantees one). */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw new HttpProblem(401, "sign in first");
  return request.caller;
}
