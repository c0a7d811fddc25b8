import { HttpProblem } from "../problem.js";

export const ROLES = ["admin", "builder", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Whether a string is a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The signed-in caller of a request. */
export interface Caller {
  userId: string;
  workspaceId: string;
  role: Role;
  email: string;
  name: string;
  isOwner: boolean;
}

const RANK: Readonly<Record<Role, number>> = { viewer: 0, member: 1, builder: 2, admin: 3 };

/** Throw 403 unless the caller's role is at least `least` (admin ⊃ builder ⊃ member ⊃ viewer). */
export function requireRole(caller: Caller, least: Role): void {
  if (RANK[caller.role] < RANK[least]) {
    throw new HttpProblem(403, `this needs the ${least} role or higher; you are ${caller.role}`);
  }
}
