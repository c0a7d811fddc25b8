import { compileApp } from "@stagecraft/engine";
import type { PeriodUnit } from "@stagecraft/schemas";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../db/database.js";
import { json } from "../db/sql-json.js";
import type { Database } from "../db/tables.js";
import { testDatabaseTarget } from "../test-database.js";
import { insertPublishedApp } from "../test-runtime.js";
import { ensureRollups } from "./rollup-build.js";
import { rollupEntries } from "./rollup-plan.js";
import { compareRollupsWithDirect, labSpecs } from "./test-rollup-compare.js";
import { pick, prng, randomDealData, randomInstant, rollupLabDefinition } from "./test-rollup-app.js";

const WS = "rollup-ws";
const APP = "rollup-lab";
const OWNERS = [null, "u1", "u2", "u3", "u4"];
const STAGES = ["lead", "proposal", "won", "lost"];

const QUERIES: { from: string; to: string; unit: PeriodUnit }[] = [
  { from: "2026-01-01", to: "2027-01-01", unit: "month" },
  { from: "2026-02-20", to: "2026-04-10", unit: "day" },
  { from: "2025-12-01", to: "2026-07-01", unit: "week" },
  { from: "2026-01-01", to: "2027-01-01", unit: "quarter" },
  { from: "2025-01-01", to: "2028-01-01", unit: "year" },
];

const specs = labSpecs(rollupLabDefinition());

/** Every served part × query × grouping: rollup rows equal the direct rows; returns how many were compared. */
function compareAll(db: Kysely<Database>): Promise<number> {
  return compareRollupsWithDirect(db, { workspaceId: WS, appId: APP }, specs, QUERIES);
}

describe("KPI rollups answer exactly what the direct SQL answers", () => {
  let database: OpenDatabase;
  let db: Kysely<Database>;
  const random = prng(20261123);
  let serial = 0;

  const insertDeals = async (n: number) => {
    const rows = Array.from({ length: n }, () => {
      serial++;
      const at = randomInstant(random);
      return {
        workspace_id: WS,
        id: `r${serial}`,
        app_id: APP,
        form_id: "deal",
        stage: pick(random, STAGES),
        owner_id: pick(random, OWNERS),
        version: 1,
        definition_version: 1,
        data: json(randomDealData(random, pick(random, ["alpha", "beta", "omega", "xyz"]))),
        created_at: at,
        updated_at: at,
        last_activity_at: at,
      };
    });
    await db.insertInto("records").values(rows).execute();
  };
  const someIds = async (n: number): Promise<string[]> => {
    const { rows } = await sql<{ id: string }>`select id from records where workspace_id = ${WS}
      and form_id = 'deal' order by id`.execute(db);
    return Array.from({ length: n }, () => pick(random, rows).id);
  };

  beforeAll(async () => {
    database = await openDatabase(await testDatabaseTarget());
    db = database.db;
    await sql`insert into workspaces (id, name) values (${WS}, 'Rollups')`.execute(db);
    await insertPublishedApp(db, WS, APP, [rollupLabDefinition()]);
    await insertDeals(150);
  });
  afterAll(async () => {
    await database.close();
  });

  it("serves the count, sum and avg parts and leaves goal-row parts to the direct SQL", () => {
    const served = specs.flatMap((s) => s.parts.filter((p) => rollupEntries(p, s.timeZone).length > 0));
    const spread = specs.flatMap((s) => s.parts.filter((p) => p.periodEndField !== undefined));
    expect(served.length).toBe(8);
    expect(spread.length).toBe(1);
    expect(spread.every((p) => rollupEntries(p, "Asia/Shanghai").length === 0)).toBe(true);
  });

  it("builds from existing rows, then stays exact through inserts, edits, stage moves, owner changes and deletes", async () => {
    expect(await compareAll(db)).toBe(90);
    for (let round = 0; round < 3; round++) {
      await insertDeals(20);
      for (const id of await someIds(12)) {
        const data = randomDealData(random, pick(random, ["gamma", "delta", "zz"]));
        await sql`update records set data = data || ${json(data)}::jsonb where workspace_id = ${WS} and id = ${id}`.execute(
          db,
        );
      }
      // A stage move of several records in one statement, and single ones.
      const moved = await someIds(8);
      await sql`update records set stage = ${pick(random, STAGES)} where workspace_id = ${WS} and id = any(${moved}::text[])`.execute(
        db,
      );
      for (const id of await someIds(5)) {
        await sql`update records set stage = ${pick(random, STAGES)}, owner_id = ${pick(random, OWNERS)},
          created_at = ${randomInstant(random)} where workspace_id = ${WS} and id = ${id}`.execute(db);
      }
      // Keys removed from the data, and an update that changes nothing a rollup reads.
      await sql`update records set data = data - 'amount' - 'close_date' where workspace_id = ${WS} and id = ${(await someIds(1))[0] ?? ""}`.execute(
        db,
      );
      await sql`update records set last_activity_at = now() where workspace_id = ${WS} and form_id = 'deal'`.execute(
        db,
      );
      const gone = await someIds(6);
      await sql`delete from records where workspace_id = ${WS} and id = any(${gone}::text[])`.execute(db);
      await compareAll(db);
    }
  });

  it("stays exact under concurrent writers and a build racing them", async () => {
    const ids = await someIds(40);
    // A KPI whose rollups do not exist yet, built while the writers run.
    const late = compileApp({
      ...rollupLabDefinition(),
      kpis: [
        {
          id: "late",
          name: { zh: "late", en: "late" },
          form: "deal",
          measure: { type: "sum", field: "qty" },
        },
      ],
    });
    if (!late.ok) throw new Error("late KPI does not compile");
    const lateEntries = [...late.app.kpis.values()].flatMap((s) =>
      s.parts.flatMap((p) => rollupEntries(p, s.timeZone)),
    );
    const writers = ids.map((id, i) =>
      db.transaction().execute(async (tx) => {
        await sql`update records set data = data || ${json({ amount: i * 10.5, qty: i })}::jsonb, stage = ${STAGES[i % 4] ?? "won"}
          where workspace_id = ${WS} and id = ${id}`.execute(tx);
        await sql`update records set owner_id = ${OWNERS[i % 5] ?? null} where workspace_id = ${WS} and id = ${ids[(i + 7) % ids.length] ?? id}`.execute(
          tx,
        );
      }),
    );
    await Promise.all([...writers, ensureRollups(db, { workspaceId: WS, appId: APP }, lateEntries)]);
    await compareAll(db);
    specs.push(...late.app.kpis.values());
    await compareAll(db);
  });
});
