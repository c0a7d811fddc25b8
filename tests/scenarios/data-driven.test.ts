import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setWebhook } from "./configure.js";
import { startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B4 data-driven: activities as data, the completeness gate on proposals, a metric that turns red
// once, weekly forecast snapshots per rep; every KPI computed by hand.
describe("data-driven scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep1: ScenarioUser;
  let rep2: ScenarioUser;
  let customerId: string;
  let metricId: string;
  const deal: Record<string, string> = {};
  const BI = "https://bi.example.com/hooks/alert";

  beforeAll(async () => {
    s = await startScenario("data-driven", { now: "2026-11-23T01:00:00.000Z" });
    manager = await s.addUser("Manager Sun");
    rep1 = await s.addUser("Rep Wang", { managerId: manager.id });
    rep2 = await s.addUser("Rep Liu", { managerId: manager.id });
    await s.republish((d) => {
      setWebhook(d, "r2_bi_alert", BI);
    });
    metricId = (
      await s.create("metric_definition", {
        key: "win_rate",
        name_cn: "赢单率",
        definition: "赢单数 ÷ 已关闭商机数",
        owner: manager.id,
        red_threshold: 0.6,
        red_when: "below",
      })
    ).id;
    customerId = (
      await s.create(
        "customer",
        { customer_name: "启明零售集团", owner: rep1.id, region: "east_china" },
        rep1,
      )
    ).id;
    const plan: [string, ScenarioUser, string, string, string, Record<string, unknown>][] = [
      ["D1", rep1, "referral", "mid", "commit", {}],
      ["D2", rep1, "ad", "smb", "pipeline", {}],
      [
        "D3",
        rep2,
        "referral",
        "enterprise",
        "best_case",
        {
          decision_maker: "CIO",
          budget_amount: 300000,
          pain_points: "口径不一",
          competitors: ["in_house"],
          next_step: "POC",
        },
      ],
      ["D4", rep2, "ad", "mid", "pipeline", { next_step: "约演示" }],
    ];
    for (const [key, owner, source, segment, forecast, extra] of plan) {
      deal[key] = (
        await s.create(
          "deal",
          {
            deal_name: `启明 ${key}`,
            customer: customerId,
            owner: owner.id,
            amount: 200000,
            expected_close_date: "2026-12-31",
            lead_source: source,
            segment,
            forecast_category: forecast,
            ...extra,
          },
          owner,
        )
      ).id;
    }
    await s.settle();
  });
  afterAll(async () => {
    await s.close();
  });

  const id = (key: string) => deal[key] ?? "";

  it("records activities as data and counts them on the deal", async () => {
    for (const [type, at] of [
      ["call", "2026-11-20T10:00:00+08:00"],
      ["meeting", "2026-11-21T10:00:00+08:00"],
      ["demo", "2026-11-22T15:00:00+08:00"],
    ] as const) {
      await s.create(
        "activity_log",
        { deal: id("D1"), actor: rep1.id, activity_type: type, occurred_at: at, outcome: "positive" },
        rep1,
      );
    }
    await s.create(
      "activity_log",
      { deal: id("D3"), actor: rep2.id, activity_type: "email", occurred_at: "2026-11-22T09:00:00+08:00" },
      rep2,
    );
    await s.patch("deal", id("D1"), { next_step: "方案评审" }, rep1);
    expect((await s.get("deal", id("D1"))).data).toMatchObject({ activity_count: 3, completeness: 50 });
  });

  it("R3 keeps a deal below 80 % completeness out of the proposal stage", async () => {
    await s.move("deal", id("D1"), "discovery", rep1);
    const refused = await s.tryMove("deal", id("D1"), "proposal", rep1);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("Data completeness below 80");
    await s.patch(
      "deal",
      id("D1"),
      { decision_maker: "信息中心总监", budget_amount: 250000, pain_points: "手工报表" },
      rep1,
    );
    expect((await s.get("deal", id("D1"))).data["completeness"]).toBe(87.5);
    await s.move("deal", id("D1"), "proposal", rep1);
    await s.move("deal", id("D1"), "won", rep1);
    await s.move("deal", id("D2"), "discovery", rep1);
    const noReason = await s.tryMove("deal", id("D2"), "lost", rep1);
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain("lost_reason");
    await s.patch("deal", id("D2"), { lost_reason: "price" }, rep1);
    await s.move("deal", id("D2"), "lost", rep1);
  });

  it("R2 computes the metric daily and alerts its owner once when it turns red", async () => {
    await s.advanceTo("2026-11-24T01:00:00.000Z");
    expect((await s.get("metric_definition", metricId)).data).toMatchObject({
      checked_on: "2026-11-24",
      current_value: 0.5,
      is_red: true,
    });
    const alerts = () =>
      s.notifications(manager.id).then((n) => n.filter((x) => x.title.en === "Metric crossed its red line"));
    expect((await alerts()).map((n) => n.recordId)).toEqual([metricId]);
    expect(s.webhooks.map((w) => w.url)).toEqual([BI]);
    expect(String(s.webhooks[0]?.body)).toContain("win_rate = 0.5");
    await s.advanceTo("2026-11-25T01:00:00.000Z");
    expect((await s.get("metric_definition", metricId)).data).toMatchObject({
      checked_on: "2026-11-25",
      was_red: true,
    });
    expect(await alerts()).toHaveLength(1);
    expect(s.webhooks).toHaveLength(1);
  });

  it("R1 opens next week's forecast for each rep", async () => {
    for (const [rep, commit, actual] of [
      [rep1, 200000, 150000],
      [rep2, 100000, 110000],
    ] as const) {
      await s.create(
        "forecast_snapshot",
        { week_start: "2026-11-23", rep: rep.id, commit_amount: commit, actual_amount: actual },
        rep,
      );
    }
    await s.advanceTo("2026-11-30T01:00:00.000Z");
    const next = (await s.list("forecast_snapshot")).filter((f) => f.data["week_start"] === "2026-11-30");
    expect(next.map((f) => f.data["rep"]).sort()).toEqual([rep1.id, rep2.id].sort());
    for (const rep of [rep1, rep2]) {
      expect((await s.notifications(rep.id)).map((n) => n.title.en)).toContain(
        "Fill in this week's forecast",
      );
    }
  });

  it("C1 stamps the last activity and plans the next follow-up", async () => {
    const f = await s.create(
      "follow_up",
      {
        customer: customerId,
        deal: id("D3"),
        owner: rep2.id,
        follow_type: "meeting",
        status: "planned",
        follow_at: "2026-11-30T10:00:00+08:00",
      },
      rep2,
    );
    await s.patch(
      "follow_up",
      f.id,
      { status: "done", content: "POC 范围确认", next_follow_date: "2026-12-03" },
      rep2,
    );
    await s.settle();
    expect((await s.get("deal", id("D3"))).data["last_activity_at"]).toBe("2026-11-30T02:00:00.000Z");
    expect((await s.get("customer", customerId)).data["last_activity_at"]).toBe("2026-11-30T02:00:00.000Z");
    const planned = (await s.list("follow_up")).filter((x) => x.data["status"] === "planned");
    expect(planned.map((x) => x.data["follow_at"])).toEqual(["2026-12-03T01:00:00.000Z"]);
  });

  it("computes every KPI as counted by hand", async () => {
    const year = { from: "2026-01-01", to: "2027-01-01" };
    // 1 − 50k/200k = 0.75 and 1 − 10k/100k = 0.9; next week's snapshots have no accuracy yet.
    const accuracy = await s.kpi("forecast_accuracy", { ...year, groupBy: "rep" });
    expect(accuracy.value).toBeCloseTo(0.825, 6);
    expect(accuracy.groups.find((g) => g.key === rep1.id)?.value).toBeCloseTo(0.75, 6);
    // referral: D1 won of D1, D3; ad: none of D2, D4.
    const conversion = await s.kpi("conversion_by_source", { ...year, groupBy: "lead_source" });
    expect(conversion.value).toBeCloseTo(0.25, 6);
    expect(conversion.groups.find((g) => g.key === "referral")?.value).toBeCloseTo(0.5, 6);
    expect(conversion.groups.find((g) => g.key === "ad")?.value).toBe(0);
    // D1 87.5, D2 37.5, D3 100, D4 50.
    expect((await s.kpi("data_completeness", year)).value).toBeCloseTo(68.75, 6);
    const activities = await s.kpi("activities", { ...year, groupBy: "activity_type" });
    expect(activities.value).toBe(4);
    expect(activities.groups.find((g) => g.key === "call")?.value).toBe(1);
    expect((await s.dashboard("data_cockpit")).widgets).toHaveLength(8);
  });
});
