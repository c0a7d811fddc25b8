import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKpiApiLab, type KpiApiLab, type LabRecord } from "./test-rollup-compare.js";
import { stageLabDefinition } from "./test-stage-log-app.js";

const APP = "stage-lab";

describe("stage-log KPI rollups follow the records API's stage moves", () => {
  let lab: KpiApiLab;

  beforeAll(async () => {
    lab = await startKpiApiLab(APP, stageLabDefinition);
  });
  afterAll(async () => {
    await lab.rt.close();
  });

  it("creates, moves forward and back, re-entries and deletes keep every KPI equal to the direct computation", async () => {
    const { rt, workspaceId, compare, create, move } = lab;
    await compare();
    // The API answered the served KPIs from rollups: 6 served KPIs, 21 rollups of the deal form.
    const plans = await sql<{
      n: number;
    }>`select coalesce(sum(cardinality(keys)), 0)::int as n from kpi_rollup_plans
      where workspace_id = ${workspaceId} and app_id = ${APP}`.execute(rt.database.db);
    expect(plans.rows[0]?.n).toBe(21);
    const deals: LabRecord[] = [];
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
    const { rt, workspaceId } = lab;
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
