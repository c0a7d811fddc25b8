import { afterAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { MIGRATION_NAMES } from "@stagecraft/migrations";
import { migrate, openDatabase, type OpenDatabase } from "./database.js";
import { emptyTestDatabaseTarget, testDatabaseTarget } from "../test-database.js";

describe("database", () => {
  const opened: OpenDatabase[] = [];
  afterAll(async () => {
    for (const o of opened) await o.close();
  });

  it("creates every table and records the migrations", async () => {
    // An empty database: the other suites start from a migrated copy.
    const database = await openDatabase(await emptyTestDatabaseTarget());
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
    const database = await openDatabase(await emptyTestDatabaseTarget());
    opened.push(database);
    await migrate(database.db);
    await migrate(database.db);
    const applied = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(
      database.db,
    );
    expect(applied.rows[0]?.n).toBe(MIGRATION_NAMES.length);
  });

  it("gives every test its own database, already migrated", async () => {
    const [a, b] = [
      await openDatabase(await testDatabaseTarget()),
      await openDatabase(await testDatabaseTarget()),
    ];
    opened.push(a, b);
    for (const database of [a, b]) {
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        database.db,
      );
      expect(applied.rows.map((r) => r.name)).toEqual([...MIGRATION_NAMES]);
    }
    await sql`create table only_in_a (id int)`.execute(a.db);
    const seen = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_name = 'only_in_a'`.execute(b.db);
    expect(seen.rows[0]?.n).toBe(0);
  });
});
