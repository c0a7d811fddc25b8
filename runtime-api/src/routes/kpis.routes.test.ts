import { getTemplate } from "@stagecraft/templates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  insertApp,
  insertRecords,
  kpiLabDefinition,
  seedKpiLab,
  startKpiLab,
  type RecordSeed,
} from "../kpis/test-kpi-app.js";
import type { TestRuntime } from "../test-runtime.js";

interface Problem {
  status: number;
  errors: { path: string; code: string }[];
}

interface KpiResultBody {
  value: number | null;
  goal: number | null;
  ratio: number | null;
  series: { period: string; value: number | null; goal: number | null }[];
  groups: { key: string; value: number | null; goal: number | null }[];
}

describe("KPI and dashboard routes", () => {
  let rt: TestRuntime;
  let workspaceId = "";
  beforeAll(async () => {
    ({ rt, workspaceId } = await startKpiLab());
  });
  afterAll(async () => {
    await rt.close();
  });
  const get = (url: string, token = rt.ownerToken) => rt.call("GET", url, token);

  it("lists an app's KPIs with their format, goal kind and dimensions, and its dashboards", async () => {
    const kpis = await get("/api/apps/lab/kpis");
    expect(kpis.statusCode).toBe(200);
    const list = kpis.json<
      {
        id: string;
        measure: string;
        format: string;
        better: string;
        goal: string | null;
        dimensions: string[];
      }[]
    >();
    expect(list.map((k) => k.id)).toEqual(kpiLabDefinition().kpis?.map((k) => k.id));
    expect(list.find((k) => k.id === "amount_sum")).toEqual({
      id: "amount_sum",
      name: { zh: "Amount", en: "Amount" },
      form: "deal",
      measure: "sum",
      format: "money",
      better: "higher",
      goal: "split",
      dimensions: ["_owner"],
    });
    expect(list.map((k) => k.goal)).toEqual([
      "fixed",
      "split",
      null,
      null,
      null,
      "fixed",
      null,
      null,
      null,
      null,
      null,
      "records",
    ]);
    expect(list.find((k) => k.id === "cycle_days")).toMatchObject({
      format: "days",
      better: "lower",
      dimensions: ["_owner"],
    });
    const dashboards = await get("/api/apps/lab/dashboards");
    expect(dashboards.json()).toEqual([
      { id: "overview", name: { zh: "Overview", en: "Overview" }, period: "quarter", widgets: 9 },
    ]);
  });

  it("answers a dashboard with every widget's data", async () => {
    const res = await get("/api/apps/lab/dashboards/overview");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      period: string;
      from: string;
      to: string;
      widgets: { id: string; type: string; data: Record<string, unknown> }[];
    }>();
    expect(body).toMatchObject({ id: "overview", period: "quarter", from: "2026-01-01", to: "2027-01-01" });
    const data = new Map(body.widgets.map((w) => [w.id, w.data]));
    expect(body.widgets.map((w) => w.type)).toEqual([
      "number",
      "line",
      "bar",
      "bar",
      "funnel",
      "funnel",
      "leaderboard",
      "leaderboard",
      "table",
    ]);

    expect(data.get("total")).toMatchObject({
      value: 1050,
      goal: 1200,
      ratio: 0.875,
      format: "money",
      better: "higher",
      series: [
        { period: "2026-Q1", value: 1050, goal: 300 },
        { period: "2026-Q2", value: 0, goal: 300 },
        { period: "2026-Q3", value: 0, goal: 300 },
        { period: "2026-Q4", value: 0, goal: 300 },
      ],
      groups: [],
    });
    const trend = data.get("trend") as unknown as KpiResultBody;
    expect(trend.series.map((s) => s.value)).toEqual([2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect((data.get("by_owner") as unknown as KpiResultBody).groups).toEqual([
      { key: "u1", value: 300, goal: 900 },
      { key: "u2", value: 750, goal: 300 },
    ]);
    expect(data.get("by_region")).toMatchObject({
      series: [{ period: "2026", value: 210, goal: null }],
      groups: [
        { key: "east", value: 150, goal: null },
        { key: "west", value: 250, goal: null },
      ],
    });
    expect(data.get("funnel")).toEqual({
      steps: [
        { stage: "lead", name: { zh: "Lead", en: "Lead" }, count: 1 },
        { stage: "proposal", name: { zh: "Proposal", en: "Proposal" }, count: 1 },
        { stage: "won", name: { zh: "Won", en: "Won" }, count: 4 },
        { stage: "lost", name: { zh: "Lost", en: "Lost" }, count: 1 },
      ],
    });
    expect(
      (data.get("open_funnel") as { steps: { stage: string; count: number }[] }).steps.map((s) => [
        s.stage,
        s.count,
      ]),
    ).toEqual([
      ["lead", 1],
      ["proposal", 1],
    ]);
    expect((data.get("ranking") as unknown as KpiResultBody).groups).toEqual([
      { key: "u2", value: 750, goal: 300 },
    ]);
    // Lower is better for a cycle time: the fastest first. u1: median(5, 2.5) days, u2: 3 days.
    expect((data.get("slowest") as unknown as KpiResultBody).groups).toEqual([
      { key: "u2", value: 3, goal: null },
      { key: "u1", value: 3.75, goal: null },
    ]);
    expect(data.get("latest")).toEqual({
      rows: [
        {
          id: "d4",
          values: {
            deal_name: "Big Deal",
            amount: 400,
            _stage: "proposal",
            _owner: "u2",
            _created_at: "2026-03-03T03:00:00.000Z",
            tags: null,
          },
        },
        {
          id: "d3",
          values: {
            deal_name: "d3",
            amount: 300,
            _stage: "lost",
            _owner: "u2",
            _created_at: "2026-02-15T03:00:00.000Z",
            tags: [],
          },
        },
        {
          id: "d2",
          values: {
            deal_name: "d2",
            amount: 200,
            _stage: "won",
            _owner: "u1",
            _created_at: "2026-01-31T20:00:00.000Z",
            tags: ["vip", "new"],
          },
        },
      ],
    });
  });

  it("takes a dashboard's range and unit from the query", async () => {
    const res = await get("/api/apps/lab/dashboards/overview?from=2026-02-01&to=2026-03-01&unit=month");
    const body = res.json<{ period: string; widgets: { id: string; data: KpiResultBody }[] }>();
    expect(body.period).toBe("month");
    expect(body.widgets.find((w) => w.id === "total")?.data).toMatchObject({
      value: 500,
      series: [{ period: "2026-02", value: 500 }],
    });
  });

  it("checks a widget's finer period against the range", async () => {
    const definition = kpiLabDefinition();
    definition.dashboards = [
      {
        id: "edge",
        name: { zh: "Edge", en: "Edge" },
        widgets: [{ id: "daily", type: "line", kpi: "deal_count", period: "day" }],
      },
    ];
    await insertApp(rt.database.db, workspaceId, "edge", definition);
    await seedKpiLab(rt.database.db, workspaceId, "edge", "e");
    const tooLong = await get("/api/apps/edge/dashboards/edge?from=2000-01-01&to=2026-01-01");
    expect(tooLong.json<Problem>()).toMatchObject({
      status: 400,
      errors: [{ path: "/query/to", code: "range" }],
    });
    const res = await get("/api/apps/edge/dashboards/edge?from=2026-01-30&to=2026-02-02");
    expect(res.statusCode, res.body).toBe(200);
    const widgets = res.json<{ widgets: { id: string; data: unknown }[] }>().widgets;
    expect(widgets.map((w) => w.id)).toEqual(["daily"]);
    expect((widgets[0]?.data as KpiResultBody).series.map((s) => [s.period, s.value])).toEqual([
      ["2026-01-30", 0],
      ["2026-01-31", 0],
      ["2026-02-01", 1],
    ]);
  });

  it("answers 404 for unknown apps, KPIs and dashboards", async () => {
    for (const url of [
      "/api/apps/nope/kpis",
      "/api/apps/nope/kpis/deal_count",
      "/api/apps/lab/kpis/nope",
      "/api/apps/lab/dashboards/nope",
      "/api/apps/nope/dashboards",
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("answers 400 naming every bad query parameter", async () => {
    const bad = await get("/api/apps/lab/kpis/deal_count?from=2026-02-30&to=soon&unit=decade&groupBy=region");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors.map((e) => e.path)).toEqual([
      "/query/from",
      "/query/to",
      "/query/unit",
      "/query/groupBy",
    ]);
    const groupBy = await get("/api/apps/lab/kpis/deal_count?groupBy=nope");
    expect(groupBy.statusCode).toBe(400);
    expect(groupBy.json<Problem>().errors).toMatchObject([{ path: "/query/groupBy", code: "enum" }]);
    const backwards = await get("/api/apps/lab/kpis/deal_count?from=2026-03-01&to=2026-03-01");
    expect(backwards.json<Problem>()).toMatchObject({
      status: 400,
      errors: [{ path: "/query/to", code: "range" }],
    });
    const tooLong = await get("/api/apps/lab/kpis/deal_count?from=2000-01-01&to=2026-01-01&unit=day");
    expect(tooLong.json<Problem>()).toMatchObject({
      status: 400,
      errors: [{ path: "/query/to", code: "range" }],
    });
    const dashboard = await get("/api/apps/lab/dashboards/overview?from=2020-01-01");
    expect(dashboard.statusCode).toBe(200);
    const dashboardBad = await get("/api/apps/lab/dashboards/overview?to=2026-13-01");
    expect(dashboardBad.json<Problem>()).toMatchObject({
      status: 400,
      errors: [{ path: "/query/to", code: "format" }],
    });
  });

  it("completes a half-given range to that bound's calendar year", async () => {
    const fromOnly = await get("/api/apps/lab/kpis/deal_count?from=2025-12-01");
    expect(fromOnly.json<KpiResultBody>().series.map((s) => s.period)).toEqual(["2025-12"]);
    const toOnly = await get("/api/apps/lab/kpis/deal_count?to=2026-03-01&unit=quarter");
    expect(toOnly.json<KpiResultBody>().series).toEqual([{ period: "2026-Q1", value: 4, goal: 4 }]);
  });

  it("lets any role of the workspace read, and nobody signed out", async () => {
    const created = await rt.call("POST", "/api/users", rt.ownerToken, {
      email: "viewer@example.com",
      name: "Viewer",
      password: "viewer-password-1",
      role: "viewer",
    });
    expect(created.statusCode).toBe(201);
    const viewer = await rt.login("viewer@example.com", "viewer-password-1");
    // Not shared yet: as if the app did not exist.
    expect((await get("/api/apps/lab/kpis/deal_count", viewer)).statusCode).toBe(404);
    const userId = created.json<{ id: string }>().id;
    expect((await rt.call("POST", "/api/apps/lab/members", rt.ownerToken, { userId })).statusCode).toBe(201);
    expect((await get("/api/apps/lab/kpis/deal_count", viewer)).json<KpiResultBody>().value).toBe(6);
    expect((await get("/api/apps/lab/dashboards/overview", viewer)).statusCode).toBe(200);
    expect((await rt.call("GET", "/api/apps/lab/kpis/deal_count", null)).statusCode).toBe(401);
  });

  it("keeps workspaces apart: another workspace's app is 404, its own app of the same id sees only its rows", async () => {
    const ws = await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Other",
      adminEmail: "other@example.com",
      adminPassword: "other-password-1",
    });
    expect(ws.statusCode).toBe(201);
    const other = await rt.login("other@example.com", "other-password-1");
    for (const url of [
      "/api/apps/lab/kpis",
      "/api/apps/lab/kpis/deal_count",
      "/api/apps/lab/dashboards",
      "/api/apps/lab/dashboards/overview",
    ]) {
      expect((await get(url, other)).statusCode, url).toBe(404);
    }
    await insertApp(rt.database.db, ws.json<{ id: string }>().id, "lab", kpiLabDefinition());
    const own = await get("/api/apps/lab/kpis/deal_count?groupBy=_owner", other);
    expect(own.json<KpiResultBody>()).toMatchObject({ value: 0, groups: [] });
    expect((await get("/api/apps/lab/kpis/deal_count")).json<KpiResultBody>().value).toBe(6);
  });

  it("computes the flagship's K1 goal achievement (signed contract totals ÷ person goal rows) by month and person", async () => {
    const definition = getTemplate("sales-plan");
    if (definition === undefined) throw new Error("no sales-plan template");
    await insertApp(rt.database.db, workspaceId, "plan", definition);
    const goal = (
      id: string,
      level: string,
      assignee: string | null,
      amount: number,
      start: string,
      end: string,
    ): RecordSeed => ({
      id,
      form: "goal_breakdown",
      data: {
        level,
        ...(assignee === null ? {} : { assignee }),
        target_amount: amount,
        period_start: start,
        period_end: end,
      },
    });
    const contract = (
      id: string,
      stage: string,
      owner: string,
      total: number,
      signDate: string,
    ): RecordSeed => ({
      id,
      form: "quote_contract",
      stage,
      owner,
      data: { owner, total_amount: total, sign_date: signDate, contract_type: "new" },
    });
    await insertRecords(rt.database.db, workspaceId, "plan", [
      goal("g1", "person", "u1", 1000, "2026-01-01", "2026-01-31"),
      goal("g2", "person", "u1", 1000, "2026-02-01", "2026-02-28"),
      goal("g3", "person", "u2", 500, "2026-01-01", "2026-01-31"),
      goal("g4", "person", "u2", 500, "2026-02-01", "2026-02-28"),
      goal("g5", "month", null, 1500, "2026-01-01", "2026-01-31"),
      contract("c1", "signed", "u1", 600, "2026-01-15"),
      contract("c2", "signed", "u1", 1200, "2026-02-10"),
      contract("c3", "signed", "u2", 500, "2026-01-20"),
      contract("c4", "signed", "u2", 200, "2026-02-28"),
      contract("c5", "drafting", "u1", 800, "2026-01-05"),
      contract("c6", "signed", "u2", 300, "2026-03-05"),
    ]);
    const res = await get(
      "/api/apps/plan/kpis/goal_achievement_rate?from=2026-01-01&to=2026-04-01&groupBy=owner",
    );
    expect(res.statusCode, res.body).toBe(200);
    const k1 = res.json<KpiResultBody>();
    expect(k1.value).toBeCloseTo(2800 / 3000, 12);
    expect(k1.goal).toBe(1);
    expect(k1.ratio).toBeCloseTo(2800 / 3000, 12);
    expect(k1.series.map((s) => s.period)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(k1.series[0]?.value).toBeCloseTo(1100 / 1500, 12);
    expect(k1.series[1]?.value).toBeCloseTo(1400 / 1500, 12);
    expect(k1.series[2]?.value).toBeNull();
    expect(k1.series.map((s) => s.goal)).toEqual([1, 1, 1]);
    expect(k1.groups).toEqual([
      { key: "u1", value: 0.9, goal: 1 },
      { key: "u2", value: 1, goal: 1 },
    ]);
    const cockpit = await get("/api/apps/plan/dashboards/plan_cockpit?from=2026-01-01&to=2026-04-01");
    expect(cockpit.statusCode, cockpit.body).toBe(200);
    const widgets = cockpit.json<{ widgets: { id: string; data: KpiResultBody }[] }>().widgets;
    expect(widgets.find((w) => w.id === "achievement_by_person")?.data.groups.map((g) => g.value)).toEqual([
      0.9, 1,
    ]);
  });
});
