import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../db/database.js";
import { testDatabaseTarget } from "../test-database.js";

describe("the rollup migration (0007)", () => {
  const opened: OpenDatabase[] = [];
  afterAll(async () => {
    for (const o of opened) await o.close();
  });

  it("applies once when two instances migrate the same database at once", async () => {
    const target = await testDatabaseTarget();
    opened.push(...(await Promise.all([openDatabase(target), openDatabase(target)])));
    for (const { db } of opened) {
      const { rows } = await sql<{ name: string }>`select tgname as name from pg_trigger
        where tgrelid = 'records'::regclass and tgname like 'kpi_rollup_%' order by tgname`.execute(db);
      expect(rows.map((r) => r.name)).toEqual([
        "kpi_rollup_delete",
        "kpi_rollup_insert",
        "kpi_rollup_update",
      ]);
      const applied = await sql<{ n: number }>`select count(*)::int as n from kysely_migration
        where name = '0007-kpi-rollups'`.execute(db);
      expect(applied.rows[0]?.n).toBe(1);
    }
  });
});
