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
import { pick, prng, randomDealData, randomInstant } from "./test-rollup-app.js";
import { LAB_STAGES, stageLabDefinition } from "./test-stage-log-app.js";

const WS = "stage-ws";
const APP = "stage-lab";
const OWNERS = [null, "u1", "u2", "u3"];

const QUERIES: { from: string; to: string; unit: PeriodUnit }[] = [
  { from: "2026-01-01", to: "2027-01-01", unit: "month" },
  { from: "2026-02-20", to: "2026-04-10", unit: "day" },
  { from: "2025-12-01", to: "2026-07-01", unit: "week" },
  { from: "2025-01-01", to: "2028-01-01", unit: "year" },
];

const specs = labSpecs(stageLabDefinition());

/** Every served part × query × grouping: rollup rows equal the direct rows; returns how many were compared. */
function compareAll(db: Kysely<Database>): Promise<number> {
  return compareRollupsWithDirect(db, { workspaceId: WS, appId: APP }, specs, QUERIES);
}

/** Records whose stage_entries differ from their stage-log rows (should be none). */
async function staleEntries(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select r.id from records r where r.workspace_id = ${WS}
    and r.stage_entries is distinct from record_stage_entries(r.workspace_id, r.id) order by r.id`.execute(
    db,
  );
  return rows.map((r) => r.id);
}

describe("stage-log KPI rollups answer exactly what the direct SQL over the stage log answers", () => {
  let database: OpenDatabase;
  let db: Kysely<Database>;
  const random = prng(20261124);
  let serial = 0;

  const insertDeals = async (n: number): Promise<string[]> => {
    const rows = Array.from({ length: n }, () => {
      serial++;
      const at = randomInstant(random);
      return {
        workspace_id: WS,
        id: `d${serial}`,
        app_id: APP,
        form_id: "deal",
        stage: pick(random, LAB_STAGES),
        owner_id: pick(random, OWNERS),
        version: 1,
        definition_version: 1,
        data: json(randomDealData(random, "deal")),
        created_at: at,
        updated_at: at,
        last_activity_at: at,
      };
    });
    await db.insertInto("records").values(rows).execute();
    return rows.map((r) => r.id);
  };
  /** Log rows for records: re-entries, moves back, ties at one instant, several on one local day. */
  const logEntries = async (ids: readonly string[], perRecord: number): Promise<void> => {
    const rows = ids.flatMap((id) => {
      let at = Date.parse(randomInstant(random));
      return Array.from({ length: 1 + Math.floor(random() * perRecord) }, () => {
        const step = pick(random, [0, 60_000, 3_600_000, 86_400_000, 9 * 86_400_000, 40 * 86_400_000]);
        at += step;
        return {
          workspace_id: WS,
          app_id: APP,
          form_id: "deal",
          record_id: id,
          stage: pick(random, LAB_STAGES),
          entered_at: new Date(at).toISOString(),
          exited_at: random() < 0.5 ? new Date(at + 3_600_000).toISOString() : null,
        };
      });
    });
    if (rows.length > 0) await db.insertInto("stage_log").values(rows).execute();
  };
  const someIds = async (n: number): Promise<string[]> => {
    const { rows } = await sql<{ id: string }>`select id from records where workspace_id = ${WS}
      and form_id = 'deal' order by id`.execute(db);
    return Array.from({ length: n }, () => pick(random, rows).id);
  };
  const someLogIds = async (n: number): Promise<string[]> => {
    const { rows } = await sql<{ id: string }>`select id::text as id from stage_log where workspace_id = ${WS}
      order by id`.execute(db);
    return Array.from({ length: n }, () => pick(random, rows).id);
  };

  beforeAll(async () => {
    database = await openDatabase(await testDatabaseTarget());
    db = database.db;
    await sql`insert into workspaces (id, name) values (${WS}, 'Stage rollups')`.execute(db);
    await insertPublishedApp(db, WS, APP, [stageLabDefinition()]);
    await logEntries(await insertDeals(120), 6);
  });
  afterAll(async () => {
    await database.close();
  });

  it("serves the stage-entry durations (avg) and conversions grouped by record fields, not the others", () => {
    const served = (id: string): boolean => {
      const spec = specs.find((s) => s.kpiId === id);
      if (spec === undefined) throw new Error(`no KPI ${id}`);
      return spec.parts.every((p) => rollupEntries(p, spec.timeZone).length > 0);
    };
    for (const id of ["cycle_days", "proposal_to_won_hours", "met_to_lost", "proposal_conversion"])
      expect(served(id), id).toBe(true);
    for (const id of ["lead_conversion_by_close", "won_again"]) expect(served(id), id).toBe(true);
    for (const id of ["conversion_by_stage", "median_cycle", "time_in_proposal"])
      expect(served(id), id).toBe(false);
  });

  it("builds from existing rows, then stays exact through log inserts, re-entries, edits, deletes and record changes", async () => {
    expect(await staleEntries(db)).toEqual([]);
    expect(await compareAll(db)).toBe(84);
    for (let round = 0; round < 3; round++) {
      // New deals with their logs, more entries (re-entries, moves back) for existing ones.
      await logEntries(await insertDeals(10), 4);
      await logEntries(await someIds(15), 3);
      for (const id of await someIds(4)) await logEntries([id], 2);
      // A stint closed (changes nothing a KPI reads), entry times moved, a stage rewritten.
      await sql`update stage_log set exited_at = entered_at + interval '2 hours' where workspace_id = ${WS}
        and id = any(${await someLogIds(6)}::bigint[])`.execute(db);
      await sql`update stage_log set entered_at = entered_at - interval '30 days' where workspace_id = ${WS}
        and id = any(${await someLogIds(5)}::bigint[])`.execute(db);
      await sql`update stage_log set stage = ${pick(random, LAB_STAGES)} where workspace_id = ${WS}
        and id = ${(await someLogIds(1))[0] ?? "0"}::bigint`.execute(db);
      // A log row moved to another record.
      await sql`update stage_log set record_id = ${(await someIds(1))[0] ?? ""} where workspace_id = ${WS}
        and id = ${(await someLogIds(1))[0] ?? "0"}::bigint`.execute(db);
      await sql`delete from stage_log where workspace_id = ${WS} and id = any(${await someLogIds(7)}::bigint[])`.execute(
        db,
      );
      // Record fields the KPIs filter, group and measure from.
      for (const id of await someIds(6)) {
        await sql`update records set owner_id = ${pick(random, OWNERS)}, stage = ${pick(random, LAB_STAGES)},
          created_at = ${randomInstant(random)}, data = data || ${json(randomDealData(random, "x"))}::jsonb
          where workspace_id = ${WS} and id = ${id}`.execute(db);
      }
      // Records deleted (their log stays), and one re-created under a deleted id: it reads the log again.
      const gone = await someIds(4);
      await sql`delete from records where workspace_id = ${WS} and id = any(${gone}::text[])`.execute(db);
      const back = gone[0] ?? "";
      await sql`insert into records (workspace_id, id, app_id, form_id, stage, owner_id, version, definition_version,
          data, created_at, updated_at, last_activity_at)
        values (${WS}, ${back}, ${APP}, 'deal', 'won', 'u1', 1, 1, ${json({ region: "east" })}::jsonb,
          ${randomInstant(random)}, now(), now())`.execute(db);
      expect(await staleEntries(db)).toEqual([]);
      await compareAll(db);
    }
  });

  it("stays exact under concurrent writers of the same records' logs and a build racing them", async () => {
    // Distinct records, each writer locking them in array order (no deadlock between writers).
    const ids = [...new Set(await someIds(30))].slice(0, 10);
    const late = compileApp({
      ...stageLabDefinition(),
      kpis: [
        {
          id: "late",
          name: { zh: "late", en: "late" },
          form: "deal",
          measure: { type: "stage_conversion", from: "lost", to: "won" },
          groupBy: ["_owner"],
        },
      ],
    });
    if (!late.ok) throw new Error("late KPI does not compile");
    const lateEntries = [...late.app.kpis.values()].flatMap((s) =>
      s.parts.flatMap((p) => rollupEntries(p, s.timeZone)),
    );
    const writers = Array.from({ length: 24 }, (_, i) =>
      db.transaction().execute(async (tx) => {
        const at = i % ids.length;
        const id = ids[at] ?? "";
        const other = ids[at + 3] ?? id;
        await sql`insert into stage_log (workspace_id, app_id, form_id, record_id, stage, entered_at)
          values (${WS}, ${APP}, 'deal', ${id}, ${LAB_STAGES[i % 4] ?? "won"}, ${randomInstant(random)})`.execute(
          tx,
        );
        await sql`update records set owner_id = ${OWNERS[i % 4] ?? null} where workspace_id = ${WS} and id = ${other}`.execute(
          tx,
        );
      }),
    );
    await Promise.all([...writers, ensureRollups(db, { workspaceId: WS, appId: APP }, lateEntries)]);
    expect(await staleEntries(db)).toEqual([]);
    await compareAll(db);
    specs.push(...late.app.kpis.values());
    await compareAll(db);
  });
});
