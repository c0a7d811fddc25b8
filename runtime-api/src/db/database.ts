import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { migrationProvider } from "@stagecraft/migrations";
import type { Database } from "./tables.js";

export type DatabaseKind = "pglite" | "postgres";

/** Stops a listener. */
export type Unlisten = () => Promise<void>;

/** An open database: the Kysely handle, which kind it is, and how to close it. */
export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * Call `onNotify` for every notification on `channel` (Postgres LISTEN). Best effort: on
   * Postgres a lost connection is opened again, and `onNotify` is called once when it is, since
   * notifications sent meanwhile are gone. Stop the listener before closing the database.
   */
  listen(channel: string, onNotify: () => void): Promise<Unlisten>;
  close(): Promise<void>;
}

/** How long a lost listening connection waits before it connects again. */
export const RELISTEN_MS = 1000;

/** LISTEN through a connection of its own, opened again whenever it is lost. */
function postgresListen(url: string): OpenDatabase["listen"] {
  return async (channel, onNotify) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let client: pg.Client | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const again = (): void => {
      if (stopped || retry !== undefined) return;
      retry = setTimeout(() => {
        retry = undefined;
        void connect(true);
      }, RELISTEN_MS);
      retry.unref();
    };
    const connect = async (reconnected: boolean): Promise<void> => {
      const next = new pg.Client({ connectionString: url });
      next.on("notification", (message) => {
        if (message.channel === channel) onNotify();
      });
      // A lost connection emits "error" and then "end": both only lead to connecting again.
      next.on("error", () => undefined);
      next.on("end", () => {
        if (client === next) client = undefined;
        again();
      });
      try {
        await next.connect();
        await next.query(`listen ${channel}`);
      } catch {
        await next.end().catch(() => undefined);
        again();
        return;
      }
      if (stopped) {
        await next.end();
        return;
      }
      client = next;
      if (reconnected) onNotify();
    };
    await connect(false);
    return async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    };
  };
}

/**
 * Where the data lives: a Postgres URL, a PGlite folder, or (tests) PGlite in memory — empty, or
 * starting from a dump of another PGlite's data directory (`from`, a tarball).
 */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true; from?: Blob };

// pg returns int8 and numeric as strings by default; counts and sums are read as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Open the database and bring its schema up to date (safe when several instances start at once). */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  let db: Kysely<Database>;
  let kind: DatabaseKind;
  let listen: OpenDatabase["listen"];
  if ("url" in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle client losing its connection must not crash the process; the next query retries.
    pool.on("error", () => undefined);
    // Nor may a checked-out one (between the queries of a transaction) when Postgres stops: it
    // emits 'error' on itself, which the pool does not listen to; the pool drops it on release.
    pool.on("connect", (client) => {
      client.on("error", () => undefined);
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = "postgres";
    listen = postgresListen(target.url);
  } else {
    const pglite =
      "dataDir" in target
        ? await PGlite.create(target.dataDir)
        : await PGlite.create(target.from === undefined ? {} : { loadDataDir: target.from });
    db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    kind = "pglite";
    listen = async (channel, onNotify) => pglite.listen(channel, onNotify);
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, kind, listen, close: () => db.destroy() };
}

/** Apply pending migrations; Kysely's migrator holds a lock so concurrent starts apply them once. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error !== undefined || failed !== undefined) {
    const name = failed?.migrationName ?? "unknown";
    throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
