import type { FastifyPluginAsync } from "fastify";
import { sql } from "kysely";
import { SESSION_COOKIE, callerOf, tokenOf } from "../auth/authenticate.js";
import { verifyPassword } from "../auth/passwords.js";
import { isRole } from "../auth/roles.js";
import { SESSION_TTL_MS, createSession, deleteSession } from "../auth/sessions.js";
import { HttpProblem } from "../problem.js";

const loginBody = {
  type: "object",
  required: ["email", "password"],
  additionalProperties: false,
  properties: {
    email: { type: "string", minLength: 1, maxLength: 254 },
    password: { type: "string", minLength: 1, maxLength: 1000 },
  },
} as const;

/** Sign in, sign out, and who am I. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  const { db, clock } = app.runtime;

  app.post<{ Body: { email: string; password: string } }>(
    "/api/auth/login",
    { schema: { body: loginBody } },
    async (request, reply) => {
      const user = await db
        .selectFrom("users")
        .selectAll()
        .where(sql<string>`lower(email)`, "=", request.body.email.trim().toLowerCase())
        .executeTakeFirst();
      // Same answer for an unknown email and a wrong password: no account enumeration.
      if (!user || !(await verifyPassword(user.password_hash, request.body.password)) || !isRole(user.role)) {
        throw new HttpProblem(401, "wrong email or password");
      }
      const token = await createSession(db, user.workspace_id, user.id, clock.now());
      void reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        maxAge: SESSION_TTL_MS / 1000,
      });
      return {
        token,
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          workspaceId: user.workspace_id,
        },
      };
    },
  );

  app.post("/api/auth/logout", async (request, reply) => {
    const token = tokenOf(request);
    if (token !== undefined) await deleteSession(db, token);
    void reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });

  app.get("/api/me", (request) => {
    const caller = callerOf(request);
    return {
      id: caller.userId,
      email: caller.email,
      name: caller.name,
      role: caller.role,
      workspaceId: caller.workspaceId,
      isOwner: caller.isOwner,
    };
  });
  await Promise.resolve();
};
