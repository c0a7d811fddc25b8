import { isIPv6 } from "node:net";
import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { canonicalHost } from "./ssrf.js";

/** The hosts a workspace's admin allow-listed for outbound webhooks (canonical host names). */
export async function loadAllowHosts(db: Kysely<Database>, workspaceId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("webhook_allowlist")
    .select("host")
    .where("workspace_id", "=", workspaceId)
    .execute();
  return new Set(rows.map((r) => r.host));
}

/**
 * An allow-list entry as URLs name the host (`Example.COM.` → `example.com`, `::1` → `[::1]`,
 * `0x7f000001` → `127.0.0.1`), or undefined when the text is not a bare host (no scheme, port,
 * path or credentials).
 */
export function allowListHost(input: string): string | undefined {
  const text = input.trim();
  if (text === "" || text.length > 253) return undefined;
  const host = isIPv6(text) ? `[${text}]` : text;
  let url: URL;
  try {
    url = new URL(`http://${host}/`);
  } catch {
    return undefined;
  }
  const bare = url.username === "" && url.password === "" && url.port === "" && url.pathname === "/";
  if (!bare || url.search !== "" || url.hash !== "" || /[/?#@\\]/.test(text)) return undefined;
  const canonical = canonicalHost(url.hostname);
  return canonical === "" ? undefined : canonical;
}
