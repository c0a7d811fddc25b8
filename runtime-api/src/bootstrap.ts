import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./db/tables.js";
import { createWorkspace } from "./users.js";

/** What start-up did to an empty database. */
export interface BootstrapResult {
  created: boolean;
  email?: string;
  /** Set only when the password was generated: print it once. */
  generatedPassword?: string;
}

/**
 * On the first start of an empty database, create the default workspace and the instance owner
 * (ADMIN_EMAIL / ADMIN_PASSWORD, or a random password to print once).
 */
export async function bootstrap(
  db: Kysely<Database>,
  options: { adminEmail: string; adminPassword: string | undefined },
): Promise<BootstrapResult> {
  const existing = await db.selectFrom("workspaces").select("id").limit(1).executeTakeFirst();
  if (existing) return { created: false };
  const generated = options.adminPassword === undefined ? randomBytes(12).toString("base64url") : undefined;
  await createWorkspace(db, "Default", {
    email: options.adminEmail,
    name: "Admin",
    password: options.adminPassword ?? generated ?? "",
    isOwner: true,
  });
  return generated === undefined
    ? { created: true, email: options.adminEmail }
    : { created: true, email: options.adminEmail, generatedPassword: generated };
}
