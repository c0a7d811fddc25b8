import { compileApp, type CompiledApp } from "@stagecraft/engine";
import type { Runtime } from "../runtime.js";
import { notFound } from "../problem.js";

/** A published app version, compiled. */
export interface PublishedApp {
  appId: string;
  version: number;
  compiled: CompiledApp;
}

// Versions are immutable, so a compiled version never goes stale; the cache is bounded.
const MAX_CACHED = 200;
const cache = new Map<string, CompiledApp>();

/** Compile a stored definition (it was validated when published; failing here is a bug). */
function compileStored(definition: unknown, key: string): CompiledApp {
  const result = compileApp(definition);
  if (!result.ok)
    throw new Error(
      `stored app version ${key} does not compile: ${JSON.stringify(result.errors.slice(0, 3))}`,
    );
  return result.app;
}

/** A version of an app, compiled once per process (keyed by workspace, app and version). */
export async function loadAppVersion(
  runtime: Runtime,
  workspaceId: string,
  appId: string,
  version: number,
): Promise<PublishedApp> {
  const key = `${workspaceId}:${appId}@${version}`;
  const cached = cache.get(key);
  if (cached) return { appId, version, compiled: cached };
  const row = await runtime.db
    .selectFrom("app_versions")
    .select("definition")
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) throw notFound("app");
  const compiled = compileStored(row.definition, key);
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(key, compiled);
  return { appId, version, compiled };
}

/**
 * The published (current) version of an app in the caller's workspace; 404 if none. A runtime
 * with `publishedVersions` (the automation worker's record effects) reads it once per batch.
 */
export async function loadPublishedApp(
  runtime: Runtime,
  workspaceId: string,
  appId: string,
): Promise<PublishedApp> {
  const memo = runtime.publishedVersions;
  const known = memo?.get(workspaceId, appId);
  if (known !== undefined) return loadAppVersion(runtime, workspaceId, appId, known);
  const token = memo?.startRead() ?? 0;
  const app = await runtime.db
    .selectFrom("apps")
    .select("version")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", appId)
    .executeTakeFirst();
  if (!app) throw notFound("app");
  memo?.set(workspaceId, appId, app.version, token);
  return loadAppVersion(runtime, workspaceId, appId, app.version);
}
