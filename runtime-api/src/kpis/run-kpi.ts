/** Run a KPI: check the query, one SQL aggregate per spec part, the engine assembles the answer. */
import {
  assembleKpiResult,
  periodBuckets,
  periodKey,
  type KpiQuery,
  type KpiResult,
  type KpiSpec,
} from "@stagecraft/engine";
import { loadPublishedApp } from "../apps/app-cache.js";
import { notFound } from "../problem.js";
import type { Runtime } from "../runtime.js";
import { parseKpiQuery, type RawKpiQuery } from "./kpi-query.js";
import { aggregateRows, partQuery } from "./kpi-sql.js";
import { ensureRollups } from "./rollup-build.js";
import { entryFor, rollupEntries } from "./rollup-plan.js";
import { rollupPartQuery } from "./rollup-sql.js";

/** Where a KPI is computed: the workspace and app its rows belong to, and today's date there. */
export interface KpiScope {
  workspaceId: string;
  appId: string;
  /** Today in the app's time zone, "YYYY-MM-DD" (within_last_days filters). */
  today: string;
}

/** Today's date in a time zone, from the runtime's clock. */
export function todayIn(runtime: Runtime, timeZone: string): string {
  return periodKey(runtime.clock.now().toISOString(), "day", timeZone);
}

/**
 * The answer of a checked query: every part's aggregate query (in parallel), then assembleKpiResult.
 * Parts that day-level rollups serve read them (built on first use, rollup-build.ts); the others
 * read their source rows.
 */
export async function computeKpi(
  runtime: Runtime,
  spec: KpiSpec,
  query: KpiQuery,
  scope: KpiScope,
): Promise<KpiResult> {
  const buckets = periodBuckets(query.from, query.to, query.unit, spec.timeZone);
  const base = { ...scope, timeZone: spec.timeZone, buckets };
  const ctx = query.groupBy === undefined ? base : { ...base, groupBy: query.groupBy };
  const entries = spec.parts.map((part) => rollupEntries(part, spec.timeZone));
  await ensureRollups(runtime.db, scope, entries.flat());
  const results = await Promise.all(
    spec.parts.map((part, i) => {
      const entry = entryFor(entries[i] ?? [], query.groupBy);
      const sqlQuery = entry === undefined ? partQuery(part, ctx) : rollupPartQuery(part, entry, ctx);
      return aggregateRows(runtime.db, part, sqlQuery);
    }),
  );
  // Aliases are the engine's ("value", "numerator", "goal", …), never user text.
  const rows = Object.fromEntries(spec.parts.map((part, i) => [part.alias, results[i] ?? []]));
  return assembleKpiResult(spec, rows, query);
}

/** GET …/kpis/:kpiId: the KPI of the app's published version for the raw query; 404 for an unknown app or KPI. */
export async function runKpi(
  runtime: Runtime,
  workspaceId: string,
  appId: string,
  kpiId: string,
  raw: RawKpiQuery,
): Promise<KpiResult> {
  const { compiled } = await loadPublishedApp(runtime, workspaceId, appId);
  const spec = compiled.kpis.get(kpiId);
  if (spec === undefined) throw notFound("KPI");
  const today = todayIn(runtime, spec.timeZone);
  const query = parseKpiQuery(raw, { timeZone: spec.timeZone, today, dimensions: spec.dimensions });
  return computeKpi(runtime, spec, query, { workspaceId, appId, today });
}
