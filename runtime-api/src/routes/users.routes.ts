import type { FastifyPluginAsync } from "fastify";
import { callerOf } from "../auth/authenticate.js";
import { ROLES, requireRole, type Role } from "../auth/roles.js";
import { HttpProblem } from "../problem.js";
import { createUser, createWorkspace } from "../users.js";

const password = { type: "string", minLength: 8, maxLength: 1000 } as const;
const email = { type: "string", format: "email", maxLength: 254 } as const;

const userBody = {
  type: "object",
  required: ["email", "name", "password", "role"],
  additionalProperties: false,
  properties: {
    email,
    name: { type: "string", minLength: 1, maxLength: 200 },
    password,
    role: { type: "string", enum: ROLES },
    managerId: { type: ["string", "null"], maxLength: 100 },
  },
} as const;

const workspaceBody = {
  type: "object",
  required: ["name", "adminEmail", "adminPassword"],
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 1, maxLength: 200 },
    adminEmail: email,
    adminPassword: password,
  },
} as const;

interface UserBody {
  email: string;
  name: string;
  password: string;
  role: Role;
  managerId?: string | null;
}

/** Members of a workspace, and workspaces of the instance (owner only). */
export const userRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.runtime;

  app.post<{ Body: UserBody }>("/api/users", { schema: { body: userBody } }, async (request, reply) => {
    const caller = callerOf(request);
    requireRole(caller, "admin");
    const user = await createUser(db, caller.workspaceId, {
      ...request.body,
      managerId: request.body.managerId ?? null,
    });
    return reply.code(201).send(user);
  });

  app.get("/api/users", async (request) => {
    const caller = callerOf(request);
    const rows = await db
      .selectFrom("users")
      .select(["id", "email", "name", "role", "manager_id", "workspace_id"])
      .where("workspace_id", "=", caller.workspaceId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      managerId: r.manager_id,
      workspaceId: r.workspace_id,
    }));
  });

  app.post<{ Body: { name: string; adminEmail: string; adminPassword: string } }>(
    "/api/workspaces",
    { schema: { body: workspaceBody } },
    async (request, reply) => {
      const caller = callerOf(request);
      if (!caller.isOwner) throw new HttpProblem(403, "only the instance owner creates workspaces");
      const { name, adminEmail, adminPassword } = request.body;
      const created = await createWorkspace(db, name, {
        email: adminEmail,
        name: "Admin",
        password: adminPassword,
      });
      return reply.code(201).send({ id: created.id, name: created.name });
    },
  );

  app.get("/api/workspaces", async (request) => {
    const caller = callerOf(request);
    if (!caller.isOwner) throw new HttpProblem(403, "only the instance owner lists workspaces");
    const rows = await db
      .selectFrom("workspaces")
      .select(["id", "name", "created_at"])
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString() }));
  });
  await Promise.resolve();
};
