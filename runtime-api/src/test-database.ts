import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { migrations } from "@stagecraft/migrations";
import { migrate, type DatabaseTarget } from "./db/database.js";
import type { Database } from "./db/tables.js";

/**
 * Migrating a fresh database costs a test file one to two seconds; copying a migrated one costs
 * a fraction. Both halves of the suite therefore migrate once per version of the migrations
 * (their names and code) and start every test database from that copy.
 */
function schemaVersion(): string {
  const version = createHash("sha256");
  for (const [name, migration] of Object.entries(migrations).sort(([a], [b]) => a.localeCompare(b))) {
    version.update(`${name}\0${migration.up.toString()}\0`);
  }
  // A migration may build its SQL in helpers `up` calls: the sources, where present, count too.
  const sources = new URL("../../migrations/src/", import.meta.url);
  if (existsSync(sources)) {
    for (const file of readdirSync(sources).sort()) {
      if (file.endsWith(".ts")) version.update(`${file}\0${readFileSync(new URL(file, sources), "utf8")}\0`);
    }
  }
  return version.digest("hex").slice(0, 16);
}

let pgliteSchema: Promise<Blob> | undefined;

/**
 * A PGlite data directory with every migration applied, as a tarball, shared by the test
 * processes through a file in the temporary directory (written under another name, then renamed
 * into place, so a process never reads a half-written one).
 */
async function migratedPglite(): Promise<Blob> {
  const file = join(tmpdir(), `stagecraft-test-schema-${schemaVersion()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const pglite = await PGlite.create();
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    try {
      await migrate(db);
      const dump = await pglite.dumpDataDir("none");
      const partial = `${file}.${String(process.pid)}.${randomBytes(4).toString("hex")}`;
      await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
      await rename(partial, file);
      return dump;
    } finally {
      await db.destroy();
    }
  }
}

function databaseUrl(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

function newDatabaseName(): string {
  return `sc_test_${randomBytes(6).toString("hex")}`;
}

/** Run `work` on a connection of its own to the server of `url` (ending the session releases its locks). */
async function withAdmin(url: string, work: (admin: pg.Client) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

/** The server of the suite's Postgres half. */
function postgresUrl(): string {
  const url = process.env["DATABASE_URL"];
  if (url === undefined || url === "") throw new Error("TEST_DATABASE=postgres needs DATABASE_URL");
  return url;
}

/** Any lock key works as long as every test process uses the same one. */
const TEMPLATE_LOCK = 740_215_331;

/**
 * A new database on the server of `url`, cloned from a migrated template database. The template
 * is made by the first process that needs it; cloning and making it happen under one advisory
 * lock, because Postgres refuses to clone a database another session is connected to.
 */
async function clonedPostgres(url: string): Promise<string> {
  const template = `sc_template_${schemaVersion()}`;
  const name = newDatabaseName();
  await withAdmin(url, async (admin) => {
    await admin.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      const db = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl(url, building) }) }),
      });
      try {
        await migrate(db);
      } finally {
        await db.destroy();
      }
      // Only a completely migrated template gets its final name.
      await admin.query(`alter database ${building} rename to ${template}`);
    }
    await admin.query(`create database ${name} template ${template}`);
  });
  return databaseUrl(url, name);
}

/**
 * The database a test runs against: embedded PGlite in memory, or — when the suite runs its
 * Postgres half (TEST_DATABASE=postgres with DATABASE_URL) — a fresh database on that server;
 * either already migrated.
 */
export async function testDatabaseTarget(): Promise<DatabaseTarget> {
  if (process.env["TEST_DATABASE"] !== "postgres") {
    pgliteSchema ??= migratedPglite();
    return { memory: true, from: await pgliteSchema };
  }
  return { url: await clonedPostgres(postgresUrl()) };
}

/** Like testDatabaseTarget, but an empty database that no migration has touched yet. */
export async function emptyTestDatabaseTarget(): Promise<DatabaseTarget> {
  if (process.env["TEST_DATABASE"] !== "postgres") return { memory: true };
  const url = postgresUrl();
  const name = newDatabaseName();
  await withAdmin(url, async (admin) => {
    await admin.query(`create database ${name}`);
  });
  return { url: databaseUrl(url, name) };
}
