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
import { stageLabDefinition } from "./test-stage-log-app.js";

const APP = "stage-lab";
const compiled = compileApp(stageLabDefinition());
if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors.slice(0, 3)));
const specs = [...compiled.app.kpis.values()];

interface Created {
  id: string;
  version: number;
}

describe("stage-log KPI rollups follow the records API's stage moves", () => {
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
  const move = async (deal: Created, to: string): Promise<Created> => {
    const moved = await rt.call(
      "POST",
      `/api/apps/${APP}/forms/deal/records/${deal.id}/transition`,
      rt.ownerToken,
      { to },
      { "if-match": String(deal.version) },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    return moved.json<Created>();
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    workspaceId = await defaultWorkspaceId(rt.database.db);
    await insertPublishedApp(rt.database.db, workspaceId, APP, [stageLabDefinition()]);
  });
  afterAll(async () => {
    await rt.close();
  });

  it("creates, moves forward and back, re-entries and deletes keep every KPI equal to the direct computation", async () => {
    await compare();
    // The API answered the served KPIs from rollups: 6 served KPIs, 21 rollups of the deal form.
    const plans = await sql<{
      n: number;
    }>`select coalesce(sum(cardinality(keys)), 0)::int as n from kpi_rollup_plans
      where workspace_id = ${workspaceId} and app_id = ${APP}`.execute(rt.database.db);
    expect(plans.rows[0]?.n).toBe(21);
    const deals: Created[] = [];
    for (const [i, region] of ["east", "west", "north"].entries()) {
      deals.push(
        await create({
          deal_name: `deal ${i}`,
          amount: 100 * (i + 1),
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
    let a = first;
    for (const to of ["proposal", "lead", "proposal", "won"]) {
      a = await move(a, to);
      await compare();
    }
    let b = await move(second, "proposal");
    b = await move(b, "lost");
    await compare();
    const { rows } = await sql<{
      entries: Record<string, string[]>;
    }>`select stage_entries as entries from records
      where workspace_id = ${workspaceId} and id = ${a.id}`.execute(rt.database.db);
    expect(Object.keys(rows[0]?.entries ?? {}).sort()).toEqual(["lead", "proposal", "won"]);
    expect(rows[0]?.entries["proposal"]?.length).toBe(2);
    const removed = await rt.call("DELETE", `/api/apps/${APP}/forms/deal/records/${b.id}`, rt.ownerToken);
    expect([200, 204]).toContain(removed.statusCode);
    await compare();
    await move(third, "won");
    await compare();
  });

  it("deleting the app deletes its records, their stage log and the rollup rows", async () => {
    const deleted = await rt.call("DELETE", `/api/apps/${APP}`, rt.ownerToken);
    expect([200, 204]).toContain(deleted.statusCode);
    const { rows } = await sql<{ log: number; cells: number }>`select
        (select count(*) from stage_log where workspace_id = ${workspaceId} and app_id = ${APP})::int as log,
        (select coalesce(sum(rows), 0) from kpi_rollups where workspace_id = ${workspaceId} and app_id = ${APP})::int as cells`.execute(
      rt.database.db,
    );
    expect(rows[0]).toEqual({ log: 0, cells: 0 });
  });
});
