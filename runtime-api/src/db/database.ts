import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { migrationProvider } from "@stagecraft/migrations";
import type { Database } from "./tables.js";

export type DatabaseKind = "pglite" | "postgres";

/** An open database: the Kysely handle, which kind it is, and how to close it. */
export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** Where the data lives: a Postgres URL, a PGlite folder, or (tests) PGlite in memory. */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

// pg returns int8 and numeric as strings by default; counts and sums are read as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Open the database and bring its schema up to date (safe when several instances start at once). */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  let db: Kysely<Database>;
  let kind: DatabaseKind;
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
  } else {
    const pglite = "dataDir" in target ? await PGlite.create(target.dataDir) : await PGlite.create();
    db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    kind = "pglite";
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, kind, close: () => db.destroy() };
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
