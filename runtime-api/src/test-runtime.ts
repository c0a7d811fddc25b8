import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import type { AppDefinition } from "@stagecraft/schemas";
import { json } from "./db/sql-json.js";
import type { Database } from "./db/tables.js";
import { bootstrap } from "./bootstrap.js";
import { ManualClock } from "./clock.js";
import { openDatabase, type OpenDatabase } from "./db/database.js";
import { buildServer } from "./server.js";
import { testDatabaseTarget } from "./test-database.js";

export const OWNER_EMAIL = "owner@example.com";
export const OWNER_PASSWORD = "owner-password-1";

/** A running server on a fresh database (PGlite in memory, or Postgres for the suite's second half). */
export interface TestRuntime {
  app: FastifyInstance;
  database: OpenDatabase;
  clock: ManualClock;
  /** Bearer token of the instance owner (admin of the default workspace). */
  ownerToken: string;
  login(email: string, password: string): Promise<string>;
  /** inject() with a bearer token and a JSON body. */
  call(
    method: string,
    url: string,
    token: string | null,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Start a test runtime: database migrated, owner bootstrapped, server built (not listening). */
export async function startTestRuntime(now = "2026-11-23T09:00:00.000Z"): Promise<TestRuntime> {
  const database = await openDatabase(await testDatabaseTarget());
  const clock = new ManualClock(now);
  await bootstrap(database.db, { adminEmail: OWNER_EMAIL, adminPassword: OWNER_PASSWORD });
  const app = await buildServer({ db: database.db, dbKind: database.kind, clock });
  const call: TestRuntime["call"] = (method, url, token, body, headers = {}) =>
    app.inject({
      method: method as "GET",
      url,
      headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const login = async (email: string, password: string): Promise<string> => {
    const res = await call("POST", "/api/auth/login", null, { email, password });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return res.json<{ token: string }>().token;
  };
  const ownerToken = await login(OWNER_EMAIL, OWNER_PASSWORD);
  return {
    app,
    database,
    clock,
    ownerToken,
    login,
    call,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Insert an app with its published versions straight into the database (version n = versions[n-1]),
 * for suites that must not depend on the apps routes.
 */
export async function insertPublishedApp(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  versions: readonly AppDefinition[],
): Promise<void> {
  const latest = versions.at(-1);
  if (latest === undefined) throw new Error("an app needs at least one version");
  await db
    .insertInto("apps")
    .values({
      workspace_id: workspaceId,
      id: appId,
      name: json(latest.name),
      template_id: null,
      version: versions.length,
    })
    .execute();
  for (const [index, version] of versions.entries()) {
    await db
      .insertInto("app_versions")
      .values({
        workspace_id: workspaceId,
        app_id: appId,
        version: index + 1,
        definition: json(version),
        changes: json([]),
      })
      .execute();
  }
}

/** The default workspace's id (the one the owner signs in to). */
export async function defaultWorkspaceId(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom("workspaces")
    .select("id")
    .where("name", "=", "Default")
    .executeTakeFirstOrThrow();
  return row.id;
}
