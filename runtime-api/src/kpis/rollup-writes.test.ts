import { assembleKpiResult, compileApp, periodBuckets, type KpiQuery } from "@stagecraft/engine";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultWorkspaceId,
  insertPublishedApp,
  startTestRuntime,
  type TestRuntime,
} from "../test-runtime.js";
import { runPart } from "./kpi-sql.js";
import { rollupLabDefinition } from "./test-rollup-app.js";

const APP = "rollup-lab";
const compiled = compileApp(rollupLabDefinition());
if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors.slice(0, 3)));
const specs = [...compiled.app.kpis.values()];

interface Created {
  id: string;
  version: number;
}

describe("KPI rollups follow writes through the records API", () => {
  let rt: TestRuntime;
  let workspaceId: string;

  /** Every KPI and grouping through the API (rollups) equals the result assembled from the direct SQL. */
  const compare = async (): Promise<void> => {
    const query: KpiQuery = { from: "2026-01-01", to: "2027-01-01", unit: "month" };
    const buckets = periodBuckets(query.from, query.to, query.unit, "Asia/Shanghai");
    for (const spec of specs) {
      for (const groupBy of [undefined, ...spec.dimensions]) {
        const q = groupBy === undefined ? query : { ...query, groupBy };
        const ctx = { workspaceId, appId: APP, today: "2026-11-23", timeZone: spec.timeZone, buckets };
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
          `/api/apps/${APP}/kpis/${spec.kpiId}?from=${query.from}&to=${query.to}&unit=month${suffix}`,
          rt.ownerToken,
        );
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json(), `${spec.kpiId} by ${groupBy ?? "-"}`).toEqual(direct);
      }
    }
  };
  const create = async (data: Record<string, unknown>): Promise<Created> => {
    const res = await rt.call("POST", `/api/apps/${APP}/forms/deal/records`, rt.ownerToken, { data });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Created>();
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    workspaceId = await defaultWorkspaceId(rt.database.db);
    await insertPublishedApp(rt.database.db, workspaceId, APP, [rollupLabDefinition()]);
  });
  afterAll(async () => {
    await rt.close();
  });

  it("creates, edits, stage moves and deletes keep every KPI equal to the direct computation", async () => {
    await compare();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from kpi_rollup_plans
      where workspace_id = ${workspaceId} and app_id = ${APP}`.execute(rt.database.db);
    expect(rows[0]?.n).toBe(1);
    const deals: Created[] = [];
    for (const [i, region] of ["east", "west", "north", "east"].entries()) {
      deals.push(
        await create({
          deal_name: `alpha ${i}`,
          amount: 100.5 * (i + 1),
          qty: i + 1,
          region,
          close_date: `2026-0${i + 3}-15`,
          met_at: "2026-04-01T16:00:00.000Z",
          hot: i % 2 === 0,
        }),
      );
    }
    await compare();
    const [first, second, third] = deals;
    if (first === undefined || second === undefined || third === undefined) throw new Error("deals missing");
    const patched = await rt.call(
      "PATCH",
      `/api/apps/${APP}/forms/deal/records/${first.id}`,
      rt.ownerToken,
      { data: { amount: 7000, close_date: "2026-11-30" } },
      { "if-match": String(first.version) },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    await compare();
    let version = second.version;
    for (const to of ["proposal", "won"]) {
      const moved = await rt.call(
        "POST",
        `/api/apps/${APP}/forms/deal/records/${second.id}/transition`,
        rt.ownerToken,
        { to },
        { "if-match": String(version) },
      );
      expect(moved.statusCode, moved.body).toBe(200);
      version = moved.json<Created>().version;
      await compare();
    }
    const removed = await rt.call("DELETE", `/api/apps/${APP}/forms/deal/records/${third.id}`, rt.ownerToken);
    expect([200, 204]).toContain(removed.statusCode);
    await compare();
  });

  it("deleting the app deletes its records through the triggers; an app re-created under the same id starts exact", async () => {
    const deleted = await rt.call("DELETE", `/api/apps/${APP}`, rt.ownerToken);
    expect([200, 204]).toContain(deleted.statusCode);
    const { rows } = await sql<{ rows: number }>`select coalesce(sum(rows), 0)::int as rows from kpi_rollups
      where workspace_id = ${workspaceId} and app_id = ${APP}`.execute(rt.database.db);
    expect(rows[0]?.rows).toBe(0);
    await insertPublishedApp(rt.database.db, workspaceId, APP, [rollupLabDefinition()]);
    await create({
      deal_name: "again",
      amount: 42,
      qty: 2,
      region: "east",
      close_date: "2026-06-01",
      hot: true,
    });
    await compare();
  });
});
