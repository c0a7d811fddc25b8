import {
  assembleKpiResult,
  compileApp,
  periodBuckets,
  type AggregateRow,
  type KpiQuery,
  type KpiSpec,
} from "@stagecraft/engine";
import type { AppDefinition, PeriodUnit } from "@stagecraft/schemas";
import type { Kysely } from "kysely";
import { expect } from "vitest";
import type { Database } from "../db/tables.js";
import {
  defaultWorkspaceId,
  insertPublishedApp,
  startTestRuntime,
  type TestRuntime,
} from "../test-runtime.js";
import { aggregateRows, partQuery, runPart, type PartQueryContext } from "./kpi-sql.js";
import { ensureRollups } from "./rollup-build.js";
import { entryFor, rollupEntries } from "./rollup-plan.js";
import { rollupPartQuery } from "./rollup-sql.js";

// What the rollup suites share: a lab app's KPI specs, the comparison of every served part with
// the direct SQL, and the same comparison through the KPI route after writes through the API.

/** The KPI specs of a lab definition (throws when it does not compile). */
export function labSpecs(definition: AppDefinition): KpiSpec[] {
  const compiled = compileApp(definition);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors.slice(0, 3)));
  return [...compiled.app.kpis.values()];
}

function sorted(rows: AggregateRow[]): AggregateRow[] {
  const key = (r: AggregateRow) => `${r.period ?? "~"}|${r.group ?? "~"}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Every served part × query × grouping of `specs`: the rollup rows equal the direct rows. Builds
 * the rollups first; returns how many parts were compared.
 */
export async function compareRollupsWithDirect(
  db: Kysely<Database>,
  scope: { workspaceId: string; appId: string },
  specs: readonly KpiSpec[],
  queries: readonly { from: string; to: string; unit: PeriodUnit }[],
): Promise<number> {
  let compared = 0;
  for (const spec of specs) {
    const entries = spec.parts.map((part) => rollupEntries(part, spec.timeZone));
    await ensureRollups(db, scope, entries.flat());
    for (const q of queries) {
      const buckets = periodBuckets(q.from, q.to, q.unit, spec.timeZone);
      for (const groupBy of [undefined, ...spec.dimensions]) {
        const base = { ...scope, today: "2026-11-23", timeZone: spec.timeZone, buckets };
        const ctx: PartQueryContext = groupBy === undefined ? base : { ...base, groupBy };
        for (const [i, part] of spec.parts.entries()) {
          const entry = entryFor(entries[i] ?? [], groupBy);
          if (entry === undefined) continue;
          const direct = await aggregateRows(db, part, partQuery(part, ctx));
          const fast = await aggregateRows(db, part, rollupPartQuery(part, entry, ctx));
          expect(sorted(fast), `${spec.kpiId}/${part.alias} ${q.unit} by ${groupBy ?? "-"}`).toEqual(
            sorted(direct),
          );
          compared++;
        }
      }
    }
  }
  return compared;
}

/** A record as the API answers it (what the next write's If-Match needs). */
export interface LabRecord {
  id: string;
  version: number;
}

/** A test runtime with a lab app installed, driven through the records API. */
export interface KpiApiLab {
  rt: TestRuntime;
  workspaceId: string;
  /** Every KPI and grouping through the KPI route (rollups) equals the result assembled from the direct SQL. */
  compare: () => Promise<void>;
  /** Create a deal through the API (201). */
  create: (data: Record<string, unknown>) => Promise<LabRecord>;
  /** Move a deal through the API (200). */
  move: (deal: LabRecord, to: string) => Promise<LabRecord>;
  /** Install the lab app (again) under its id. */
  install: () => Promise<void>;
}

/** Start a test runtime with the lab `definition` published as app `appId` (its deal form). */
export async function startKpiApiLab(appId: string, definition: () => AppDefinition): Promise<KpiApiLab> {
  const specs = labSpecs(definition());
  const rt = await startTestRuntime();
  const workspaceId = await defaultWorkspaceId(rt.database.db);
  const records = `/api/apps/${appId}/forms/deal/records`;
  const lab: KpiApiLab = {
    rt,
    workspaceId,
    async compare() {
      const query: KpiQuery = { from: "2026-01-01", to: "2027-01-01", unit: "month" };
      const buckets = periodBuckets(query.from, query.to, query.unit, "Asia/Shanghai");
      for (const spec of specs) {
        for (const groupBy of [undefined, ...spec.dimensions]) {
          const q = groupBy === undefined ? query : { ...query, groupBy };
          const ctx = { workspaceId, appId, today: "2026-11-23", timeZone: spec.timeZone, buckets };
          const rows = await Promise.all(
            spec.parts.map((part) =>
              runPart(rt.database.db, part, groupBy === undefined ? ctx : { ...ctx, groupBy }),
            ),
          );
          const direct = assembleKpiResult(
            spec,
            Object.fromEntries(spec.parts.map((p, i) => [p.alias, rows[i] ?? []])),
            q,
          );
          const suffix = groupBy === undefined ? "" : `&groupBy=${groupBy}`;
          const res = await rt.call(
            "GET",
            `/api/apps/${appId}/kpis/${spec.kpiId}?from=${query.from}&to=${query.to}&unit=month${suffix}`,
            rt.ownerToken,
          );
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json(), `${spec.kpiId} by ${groupBy ?? "-"}`).toEqual(direct);
        }
      }
    },
    async create(data) {
      const res = await rt.call("POST", records, rt.ownerToken, { data });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<LabRecord>();
    },
    async move(deal, to) {
      const moved = await rt.call(
        "POST",
        `${records}/${deal.id}/transition`,
        rt.ownerToken,
        { to },
        {
          "if-match": String(deal.version),
        },
      );
      expect(moved.statusCode, moved.body).toBe(200);
      return moved.json<LabRecord>();
    },
    async install() {
      await insertPublishedApp(rt.database.db, workspaceId, appId, [definition()]);
    },
  };
  await lab.install();
  return lab;
}
