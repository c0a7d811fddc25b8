import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../db/tables.js";
import type { Runtime } from "../runtime.js";
import { loadAppVersion, type PublishedApp } from "./app-cache.js";

/** A published app version with the workspace it belongs to. */
export interface WorkspaceApp extends PublishedApp {
  workspaceId: string;
}

/** The apps joined with their published (current) version, `v`. */
export function appsWithPublishedVersion(db: Kysely<Database>) {
  return db
    .selectFrom("apps")
    .innerJoin("app_versions as v", (join) =>
      join
        .onRef("v.workspace_id", "=", "apps.workspace_id")
        .onRef("v.app_id", "=", "apps.id")
        .onRef("v.version", "=", "apps.version"),
    );
}

/**
 * The published (current) versions of every workspace's apps whose definition passes `where` (a
 * jsonb test of the definition, e.g. a containment filter), compiled, by workspace and app. An
 * app whose version fails to load is noted in `errors` and left out: a bug to report, not a
 * reason to stop the others.
 */
export async function publishedAppsWhere(
  runtime: Runtime,
  where: (definition: RawBuilder<unknown>) => RawBuilder<boolean>,
  errors: { appId: string; error: string }[],
): Promise<WorkspaceApp[]> {
  const rows = await appsWithPublishedVersion(runtime.db)
    .select(["apps.workspace_id", "apps.id", "apps.version"])
    .where(where(sql.ref("v.definition")))
    .orderBy("apps.workspace_id")
    .orderBy("apps.id")
    .execute();
  const apps: WorkspaceApp[] = [];
  for (const row of rows) {
    try {
      const { compiled } = await loadAppVersion(runtime, row.workspace_id, row.id, row.version);
      apps.push({ workspaceId: row.workspace_id, appId: row.id, version: row.version, compiled });
    } catch (err) {
      errors.push({ appId: row.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return apps;
}
