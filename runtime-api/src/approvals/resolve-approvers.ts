import type { Approver } from "@stagecraft/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { managerOf } from "./approval-notify.js";

/**
 * The users who decide a step, in a stable order: given users, everyone with a role, the record's
 * owner, the owner's manager; only users of the workspace. A step nobody can decide (no owner, no
 * manager) goes to the workspace's admins, so an approval never waits for no one.
 */
export async function resolveApprovers(
  tx: Kysely<Database>,
  workspaceId: string,
  approvers: readonly Approver[],
  ownerId: string | null,
): Promise<string[]> {
  const wanted: string[] = [];
  for (const approver of approvers) {
    switch (approver.type) {
      case "user":
        wanted.push(...approver.userIds);
        break;
      case "role": {
        const rows = await tx
          .selectFrom("users")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("role", "=", approver.role)
          .orderBy("id")
          .execute();
        wanted.push(...rows.map((row) => row.id));
        break;
      }
      case "owner":
        if (ownerId !== null) wanted.push(ownerId);
        break;
      case "manager": {
        const manager = await managerOf(tx, workspaceId, ownerId);
        if (manager !== null) wanted.push(manager);
        break;
      }
    }
  }
  const known =
    wanted.length === 0
      ? []
      : await tx
          .selectFrom("users")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("id", "in", wanted)
          .execute();
  const knownIds = new Set(known.map((row) => row.id));
  const ids = [...new Set(wanted)].filter((id) => knownIds.has(id));
  if (ids.length > 0) return ids;
  const admins = await tx
    .selectFrom("users")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "admin")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return admins.map((row) => row.id);
}
