import { setTimeout as sleep } from "node:timers/promises";
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

  describe("listening", () => {
    const until = async (check: () => boolean): Promise<void> => {
      for (let i = 0; i < 250 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    it("hears a notification once its transaction commits, and never one rolled back", async () => {
      const database = await openDatabase(await testDatabaseTarget());
      opened.push(database);
      let heard = 0;
      const unlisten = await database.listen("test_channel", () => {
        heard += 1;
      });
      await database.db
        .transaction()
        .execute(async (tx) => {
          await sql`select pg_notify('test_channel', '')`.execute(tx);
          throw new Error("roll back");
        })
        .catch(() => undefined);
      await database.db.transaction().execute(async (tx) => {
        await sql`select pg_notify('test_channel', '')`.execute(tx);
        await sql`select pg_notify('other_channel', '')`.execute(tx);
      });
      await until(() => heard > 0);
      // A notification that would arrive late would have arrived by the next round trip.
      await sql`select pg_notify('test_channel_unused', '')`.execute(database.db);
      expect(heard).toBe(1);
      await unlisten();
      await sql`select pg_notify('test_channel', '')`.execute(database.db);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toBe(1);
    });

    it.runIf(process.env["TEST_DATABASE"] === "postgres")(
      "listens again after its connection is lost, and says so once it does",
      async () => {
        const database = await openDatabase(await testDatabaseTarget());
        opened.push(database);
        let heard = 0;
        const unlisten = await database.listen("test_channel", () => {
          heard += 1;
        });
        const killed = await sql<{ n: number }>`
          select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where datname = current_database() and query = 'listen test_channel'`.execute(database.db);
        expect(killed.rows[0]?.n).toBe(1);
        // Connected again: one call for what may have been missed meanwhile.
        await until(() => heard === 1);
        expect(heard).toBe(1);
        await sql`select pg_notify('test_channel', '')`.execute(database.db);
        await until(() => heard === 2);
        expect(heard).toBe(2);
        await unlisten();
      },
    );
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
