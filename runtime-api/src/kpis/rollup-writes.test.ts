import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKpiApiLab, type KpiApiLab, type LabRecord } from "./test-rollup-compare.js";
import { rollupLabDefinition } from "./test-rollup-app.js";

const APP = "rollup-lab";

describe("KPI rollups follow writes through the records API", () => {
  let lab: KpiApiLab;

  beforeAll(async () => {
    lab = await startKpiApiLab(APP, rollupLabDefinition);
  });
  afterAll(async () => {
    await lab.rt.close();
  });

  it("creates, edits, stage moves and deletes keep every KPI equal to the direct computation", async () => {
    const { rt, workspaceId, compare, create, move } = lab;
    await compare();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from kpi_rollup_plans
      where workspace_id = ${workspaceId} and app_id = ${APP}`.execute(rt.database.db);
    expect(rows[0]?.n).toBe(1);
    const deals: LabRecord[] = [];
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
    let moved = second;
    for (const to of ["proposal", "won"]) {
      moved = await move(moved, to);
      await compare();
    }
    const removed = await rt.call("DELETE", `/api/apps/${APP}/forms/deal/records/${third.id}`, rt.ownerToken);
    expect([200, 204]).toContain(removed.statusCode);
    await compare();
  });

  it("deleting the app deletes its records through the triggers; an app re-created under the same id starts exact", async () => {
    const { rt, workspaceId, compare, create } = lab;
    const deleted = await rt.call("DELETE", `/api/apps/${APP}`, rt.ownerToken);
    expect([200, 204]).toContain(deleted.statusCode);
    const { rows } = await sql<{ rows: number }>`select coalesce(sum(rows), 0)::int as rows from kpi_rollups
      where workspace_id = ${workspaceId} and app_id = ${APP}`.execute(rt.database.db);
    expect(rows[0]?.rows).toBe(0);
    await lab.install();
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
