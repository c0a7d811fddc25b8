import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseTarget } from "./db/database.js";

/**
 * The database a test runs against: embedded PGlite in memory, or — when the suite runs its
 * Postgres half (TEST_DATABASE=postgres with DATABASE_URL) — a fresh database on that server.
 */
export async function testDatabaseTarget(): Promise<DatabaseTarget> {
  if (process.env["TEST_DATABASE"] !== "postgres") return { memory: true };
  const url = process.env["DATABASE_URL"];
  if (url === undefined || url === "") throw new Error("TEST_DATABASE=postgres needs DATABASE_URL");
  const name = `sc_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString() };
}
