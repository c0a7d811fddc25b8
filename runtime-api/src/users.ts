import { sql, type Kysely } from "kysely";
import type { Database } from "./db/tables.js";
import { hashPassword } from "./auth/passwords.js";
import type { Role } from "./auth/roles.js";
import { newId } from "./ids.js";
import { HttpProblem } from "./problem.js";

/** A user as the API shows it (never the password hash). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  workspaceId: string;
  managerId: string | null;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  managerId?: string | null;
  isOwner?: boolean;
}

/** Create a user in a workspace; 409 when the email is taken anywhere in the instance. */
export async function createUser(
  db: Kysely<Database>,
  workspaceId: string,
  user: NewUser,
): Promise<UserView> {
  const email = user.email.trim().toLowerCase();
  const taken = await db
    .selectFrom("users")
    .select("id")
    .where(sql<string>`lower(email)`, "=", email)
    .executeTakeFirst();
  if (taken) {
    throw new HttpProblem(409, "a user with this email already exists", [
      { path: "/email", code: "taken", message: "is already used by another account" },
    ]);
  }
  if (user.managerId) {
    const manager = await db
      .selectFrom("users")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", user.managerId)
      .executeTakeFirst();
    if (!manager) {
      throw new HttpProblem(422, "the manager is not a user of this workspace", [
        { path: "/managerId", code: "unknown_user", message: "is not a user of this workspace" },
      ]);
    }
  }
  const id = newId();
  await db
    .insertInto("users")
    .values({
      workspace_id: workspaceId,
      id,
      email,
      name: user.name,
      role: user.role,
      password_hash: await hashPassword(user.password),
      manager_id: user.managerId ?? null,
      is_owner: user.isOwner ?? false,
    })
    .execute();
  return { id, email, name: user.name, role: user.role, workspaceId, managerId: user.managerId ?? null };
}

/** Create a workspace with its first admin. */
export async function createWorkspace(
  db: Kysely<Database>,
  name: string,
  admin: Omit<NewUser, "role">,
): Promise<{ id: string; name: string; admin: UserView }> {
  const id = newId();
  await db.insertInto("workspaces").values({ id, name }).execute();
  try {
    const created = await createUser(db, id, { ...admin, role: "admin" });
    return { id, name, admin: created };
  } catch (err) {
    await db.deleteFrom("workspaces").where("id", "=", id).execute();
    throw err;
  }
}
