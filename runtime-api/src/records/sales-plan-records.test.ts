import { getTemplate } from "@stagecraft/templates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { installApp, whoIs } from "./test-records.js";

// The flagship template as end users meet it: leads and sales goals through their pipelines.
describe("records of the sales-plan template", () => {
  let rt: TestRuntime;
  let appId: string;
  let me: { workspaceId: string; id: string };
  const url = (form: string) => `/api/apps/${appId}/forms/${form}/records`;

  beforeAll(async () => {
    rt = await startTestRuntime();
    me = await whoIs(rt, rt.ownerToken);
    const definition = getTemplate("sales-plan");
    if (definition === undefined) throw new Error("sales-plan template is missing");
    appId = await installApp(rt.database.db, me.workspaceId, definition);
  });
  afterAll(async () => {
    await rt.close();
  });

  const lead = {
    contact_name: "Wang Fang",
    company: "Acme Trading",
    phone: "+86 138-0013-8000",
    source: "referral",
    region: "east_china",
  };

  it("creates a lead in its initial stage and queues the routing rule", async () => {
    const res = await rt.call("POST", url("lead"), rt.ownerToken, { data: lead });
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json<{ id: string; stage: string; ownerId: string }>();
    expect(record).toMatchObject({ stage: "new", ownerId: me.id });
    const runs = await rt.database.db
      .selectFrom("rule_runs")
      .select(["rule_id", "status", "app_version"])
      .where("record_id", "=", record.id)
      .execute();
    expect(runs).toEqual([{ rule_id: "r3_route_lead", status: "queued", app_version: 1 }]);
  });

  it("names every missing field of a lead at once", async () => {
    const res = await rt.call("POST", url("lead"), rt.ownerToken, {
      data: { source: "fax", phone: "call me" },
    });
    expect(res.statusCode).toBe(422);
    const paths = res
      .json<{ errors: { path: string }[] }>()
      .errors.map((e) => e.path)
      .sort();
    expect(paths).toEqual([
      "/data/company",
      "/data/contact_name",
      "/data/phone",
      "/data/region",
      "/data/source",
    ]);
  });

  it("refuses to qualify a lead without its need summary, then qualifies it", async () => {
    const record = (await rt.call("POST", url("lead"), rt.ownerToken, { data: lead })).json<{ id: string }>();
    const move = `${url("lead")}/${record.id}/transition`;
    const refused = await rt.call("POST", move, rt.ownerToken, { to: "qualified" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: { path: string; code: string }[] }>().errors).toEqual([
      expect.objectContaining({ path: "/data/need_summary", code: "required" }),
    ]);
    const patched = await rt.call(
      "PATCH",
      `${url("lead")}/${record.id}`,
      rt.ownerToken,
      { data: { need_summary: "CRM for 50 seats" } },
      { "if-match": "1" },
    );
    expect(patched.statusCode).toBe(200);
    const moved = await rt.call("POST", move, rt.ownerToken, { to: "qualified" }, { "if-match": "2" });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stage: "qualified", version: 3 });
  });

  it("holds a sales goal at its guard, and asks for approval once the guard holds", async () => {
    const goal = {
      goal_name: "FY2027",
      fiscal_year: 2027,
      plan_owner: me.id,
      revenue_target: 0,
      new_customer_target: 0,
      renewal_target: 0,
      smart_check: ["specific", "measurable"],
    };
    const created = await rt.call("POST", url("sales_goal"), rt.ownerToken, { data: goal });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json<{ id: string; stage: string }>();
    expect(record.stage).toBe("draft");
    const move = `${url("sales_goal")}/${record.id}/transition`;
    const refused = await rt.call("POST", move, rt.ownerToken, { to: "approved" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: { code: string }[] }>().errors.map((e) => e.code)).toEqual([
      "guard_failed",
    ]);
    const complete = ["specific", "measurable", "achievable", "relevant", "time_bound"];
    await rt.call(
      "PATCH",
      `${url("sales_goal")}/${record.id}`,
      rt.ownerToken,
      { data: { smart_check: complete } },
      {
        "if-match": "1",
      },
    );
    const asked = await rt.call("POST", move, rt.ownerToken, { to: "approved" });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ approvalId: expect.any(String), status: "approval_required" });
  });
});
