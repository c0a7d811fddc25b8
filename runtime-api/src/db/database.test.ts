import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { MIGRATION_NAMES } from "@stagecraft/migrations";
import { migrate, openDatabase, type OpenDatabase } from "./database.js";
import { testDatabaseTarget } from "../test-database.js";

describe("database", () => {
  const opened: OpenDatabase[] = [];
  afterAll(async () => {
    for (const o of opened) await o.close();
  });

  it("creates every table and records the migrations", async () => {
    const database = await openDatabase(await testDatabaseTarget());
    opened.push(database);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = current_schema()`.execute(
      database.db,
    );
    const names = tables.rows.map((r) => r.table_name);
    for (const t of [
      "workspaces",
      "users",
      "apps",
      "app_versions",
      "records",
      "record_events",
      "stage_log",
      "rule_runs",
    ]) {
      expect(names).toContain(t);
    }
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      database.db,
    );
    expect(applied.rows.map((r) => r.name)).toEqual([...MIGRATION_NAMES]);
  });

  it("migrates idempotently", async () => {
    const database = await openDatabase(await testDatabaseTarget());
    opened.push(database);
    await migrate(database.db);
    await migrate(database.db);
    const applied = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(
      database.db,
    );
    expect(applied.rows[0]?.n).toBe(MIGRATION_NAMES.length);
  });

  // A Postgres server stopping cuts connections the pool has lent out; pg then emits 'error' on
  // the client, which (without a listener) would crash the process: the API went down with it.
  it.skipIf(process.env["TEST_DATABASE"] !== "postgres")(
    "survives a lent-out connection being cut, then serves queries again",
    async () => {
      const database = await openDatabase(await testDatabaseTarget());
      opened.push(database);
      const { db } = database;
      const work = db.transaction().execute(async (tx) => {
        const own = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
        const pid = own.rows[0]?.pid ?? 0;
        // Cut from another connection while this one is idle in its transaction.
        await sql`select pg_terminate_backend(${pid})`.execute(db);
        await sleep(200);
        await sql`select 1`.execute(tx);
      });
      await expect(work).rejects.toThrow();
      const after = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(after.rows).toEqual([{ one: 1 }]);
    },
  );
});
