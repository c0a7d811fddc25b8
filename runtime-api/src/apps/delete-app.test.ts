import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollupLabDefinition } from "../kpis/test-rollup-app.js";
import {
  defaultWorkspaceId,
  insertPublishedApp,
  startTestRuntime,
  type TestRuntime,
} from "../test-runtime.js";

const GONE = "rollups-gone";
const KEPT = "rollups-kept";

describe("deleting an app", () => {
  let rt: TestRuntime;
  let workspaceId: string;

  /** How many rollup cells and plans an app has. */
  const rollupsOf = async (appId: string): Promise<{ cells: number; plans: number }> => {
    const { db } = rt.database;
    const cells = await db
      .selectFrom("kpi_rollups")
      .select("rollup_key")
      .where("workspace_id", "=", workspaceId)
      .where("app_id", "=", appId)
      .execute();
    const plans = await db
      .selectFrom("kpi_rollup_plans")
      .select("form_id")
      .where("workspace_id", "=", workspaceId)
      .where("app_id", "=", appId)
      .execute();
    return { cells: cells.length, plans: plans.length };
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    workspaceId = await defaultWorkspaceId(rt.database.db);
    for (const appId of [GONE, KEPT]) {
      await insertPublishedApp(rt.database.db, workspaceId, appId, [rollupLabDefinition()]);
      const data = { deal_name: "a deal", amount: 120, qty: 2, region: "east", close_date: "2026-06-01" };
      const created = await rt.call("POST", `/api/apps/${appId}/forms/deal/records`, rt.ownerToken, { data });
      expect(created.statusCode, created.body).toBe(201);
      // A KPI query builds the app's rollups (plans and cells).
      const kpi = await rt.call(
        "GET",
        `/api/apps/${appId}/kpis/created?from=2026-01-01&to=2027-01-01&unit=month`,
        rt.ownerToken,
      );
      expect(kpi.statusCode, kpi.body).toBe(200);
    }
  });
  afterAll(async () => {
    await rt.close();
  });

  it("removes its KPI rollup cells and plans and leaves another app's", async () => {
    const before = await rollupsOf(GONE);
    expect(before.plans).toBeGreaterThan(0);
    expect(before.cells).toBeGreaterThan(0);
    const kept = await rollupsOf(KEPT);
    expect(kept).toEqual(before);

    const deleted = await rt.call("DELETE", `/api/apps/${GONE}`, rt.ownerToken);
    expect(deleted.statusCode).toBe(204);
    expect(await rollupsOf(GONE)).toEqual({ cells: 0, plans: 0 });
    expect(await rollupsOf(KEPT)).toEqual(kept);
  });
});
