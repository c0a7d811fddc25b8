import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPool, setWebhook } from "./configure.js";
import { startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B3 customer-tiering: tiers computed from the criteria in force, KAM assignment, touches routed by
// tier on the next touch date, the quarterly re-valuation from won deals; KPIs by hand.
describe("customer-tiering scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  let kam1: ScenarioUser;
  let kam2: ScenarioUser;
  const ids: Record<string, string> = {};
  const CAMPAIGN = "https://campaign.example.com/hooks/batch";

  beforeAll(async () => {
    s = await startScenario("customer-tiering", { now: "2026-11-23T01:00:00.000Z" });
    manager = await s.addUser("Manager Feng");
    rep = await s.addUser("Rep Chen", { managerId: manager.id });
    kam1 = await s.addUser("KAM Lin", { managerId: manager.id });
    kam2 = await s.addUser("KAM He", { managerId: manager.id });
    await s.republish((d) => {
      setPool(d, "r1_kam_on_create", [kam1.id, kam2.id]);
      setPool(d, "r1_kam_on_upgrade", [kam2.id, kam1.id]);
      setWebhook(d, "r2_touch_c", CAMPAIGN);
    });
    await s.create("tiering_rule", {
      version: "2026 版",
      effective_from: "2026-01-01",
      a_value: 1000000,
      b_value: 300000,
      a_pot: 70,
      b_pot: 50,
      cad_a: 7,
      cad_b: 30,
      cad_c: 90,
    });
    const customers: [string, string, number, number][] = [
      ["CA", "中联重装集团", 1200000, 50],
      ["CB", "南粤城市银行", 400000, 40],
      ["CC", "江城连锁药房", 100000, 20],
      ["CU", "北方新材料", 350000, 40],
      ["CD", "蓉城智慧教育", 500000, 10],
      ["CE", "西岭文旅", 50000, 10],
    ];
    for (const [key, name, value, potential] of customers) {
      const created = await s.create(
        "customer",
        {
          customer_name: name,
          owner: rep.id,
          region: "east_china",
          annual_value: value,
          potential_score: potential,
        },
        rep,
      );
      ids[key] = created.id;
      await s.move("customer", created.id, "rated", rep);
      await s.move("customer", created.id, "serving", rep);
    }
    await s.settle();
  });
  afterAll(async () => {
    await s.close();
  });

  const id = (key: string) => ids[key] ?? "";
  async function touch(key: string, followAt: string) {
    const f = await s.create(
      "follow_up",
      { customer: id(key), owner: rep.id, follow_type: "call", status: "planned", follow_at: followAt },
      rep,
    );
    await s.patch("follow_up", f.id, { status: "done", content: "例行回访" }, rep);
    await s.settle();
  }

  it("computes tier, cadence and next touch from the criteria in force", async () => {
    const tiers = await Promise.all(
      ["CA", "CB", "CC", "CU"].map(async (k) => (await s.get("customer", id(k))).data),
    );
    expect(
      tiers.map((d) => [d["tier"], d["cadence_days"], d["next_touch_date"], d["criteria_version"]]),
    ).toEqual([
      ["A", 7, "2026-11-30", "2026 版"],
      ["B", 30, "2026-12-23", "2026 版"],
      ["C", 90, "2027-02-21", "2026 版"],
      ["B", 30, "2026-12-23", "2026 版"],
    ]);
  });

  it("R1 gives a new tier-A customer to the KAM pool", async () => {
    await s.advance(2 * 60_000);
    const a = await s.get("customer", id("CA"));
    expect(a.ownerId).toBe(kam1.id);
    expect(a.data["owner"]).toBe(kam1.id);
    expect((await s.notifications(kam1.id)).map((n) => n.title.en)).toContain(
      "A tier-A customer is assigned to you",
    );
  });

  it("R1 tells the owner of a tier change and assigns an upgrade to the KAM pool", async () => {
    await s.patch("customer", id("CB"), { tier_override: "A" }, rep);
    await s.settle();
    const changed = (await s.notifications(rep.id)).filter((n) => n.title.en === "Customer tier changed");
    expect(changed.map((n) => n.recordId)).toEqual([id("CB")]);
    await s.advance(2 * 60_000);
    const b = await s.get("customer", id("CB"));
    expect(b.data).toMatchObject({ tier: "B", effective_tier: "A", cadence_days: 7, owner: kam2.id });
  });

  it("C1 stamps touches, which move the next touch date", async () => {
    await touch("CC", "2026-09-01T10:00:00+08:00");
    await touch("CU", "2026-11-01T10:00:00+08:00");
    await touch("CE", "2026-11-20T10:00:00+08:00");
    expect((await s.get("customer", id("CC"))).data["next_touch_date"]).toBe("2026-11-30");
    expect((await s.get("customer", id("CU"))).data["next_touch_date"]).toBe("2026-12-01");
  });

  it("R2 routes due touches by tier: A plans a visit and tells the manager, B the owner, C the campaign", async () => {
    await s.advanceTo("2026-11-30T01:05:00.000Z");
    expect(s.webhooks.map((w) => w.url)).toEqual([CAMPAIGN]);
    const visits = (await s.list("follow_up")).filter((f) => f.data["status"] === "planned");
    expect(
      visits.map((f) => [f.data["customer"], f.data["follow_type"], f.data["follow_at"]]).sort(),
    ).toEqual(
      [
        [id("CA"), "visit", "2026-11-30T06:00:00.000Z"],
        [id("CB"), "visit", "2026-11-30T06:00:00.000Z"],
      ].sort(),
    );
    const due = (await s.notifications(manager.id)).filter(
      (n) => n.title.en === "Tier-A customer due for a visit",
    );
    expect(due.map((n) => n.recordId).sort()).toEqual([id("CA"), id("CB")].sort());
    expect((await s.notifications(rep.id)).map((n) => n.title.en)).not.toContain(
      "Tier-B customer due for a touch",
    );
    await s.advanceTo("2026-12-01T01:05:00.000Z");
    const b = (await s.notifications(rep.id)).filter((n) => n.title.en === "Tier-B customer due for a touch");
    expect(b.map((n) => n.recordId)).toEqual([id("CU")]);
    expect(s.webhooks).toHaveLength(1);
    expect(String(s.webhooks[0]?.body)).toContain("江城连锁药房");
    const [visitA] = visits.filter((f) => f.data["customer"] === id("CA"));
    await s.patch("follow_up", visitA?.id ?? "", { status: "done", content: "拜访设备负责人" }, kam1);
    await touch("CD", "2026-11-28T10:00:00+08:00");
  });

  it("R3 re-values a customer from its won deals of the year, which re-tiers it", async () => {
    const deal = await s.create(
      "deal",
      {
        deal_name: "北方新材料 年度框架",
        customer: id("CU"),
        owner: rep.id,
        amount: 1500000,
        expected_close_date: "2026-12-31",
      },
      rep,
    );
    await s.move("deal", deal.id, "proposal", rep);
    await s.move("deal", deal.id, "negotiation", rep);
    const refused = await s.tryMove("deal", deal.id, "lost", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("lost_reason");
    await s.move("deal", deal.id, "won", rep);
    // The last re-valuation was on Sep 5: the next is due on Dec 4.
    await s.patch("customer", id("CU"), { revalued_on: "2026-09-05" }, rep);
    await s.settle();
    expect((await s.get("customer", id("CU"))).data).toMatchObject({
      annual_value: 1500000,
      tier: "A",
      next_revalue_date: "2026-12-04",
    });
    await s.advanceTo("2026-12-04T01:00:00.000Z");
    expect((await s.get("customer", id("CU"))).data).toMatchObject({
      revalued_on: "2026-12-04",
      annual_value: 1500000,
    });
    const changed = (await s.notifications(rep.id)).filter((n) => n.title.en === "Customer tier changed");
    expect(changed.map((n) => n.recordId)).toContain(id("CU"));
  });

  it("computes every KPI as counted by hand", async () => {
    // Tier A: CA 1.2 M + CB 0.4 M (override) + CU 1.5 M; B: CD 0.5 M; C: CC 0.1 M + CE 0.05 M.
    const total = 1200000 + 400000 + 1500000 + 500000 + 100000 + 50000;
    const byTier = await s.kpi("annual_value_by_tier", { groupBy: "effective_tier" });
    expect(byTier.groups.map((g) => [g.key, g.value])).toEqual(
      expect.arrayContaining([
        ["A", 3100000],
        ["B", 500000],
        ["C", 150000],
      ]),
    );
    expect((await s.kpi("revenue_share_a")).value).toBeCloseTo(3100000 / total, 6);
    expect((await s.kpi("revenue_share_b")).value).toBeCloseTo(500000 / total, 6);
    expect((await s.kpi("revenue_share_c")).value).toBeCloseTo(150000 / total, 6);
    // A within 7 days: only CA (visited Dec 1) of CA, CB, CU. B within 30: CD of CD.
    expect((await s.kpi("cadence_compliance_a")).value).toBeCloseTo(1 / 3, 6);
    expect((await s.kpi("cadence_compliance_b")).value).toBeCloseTo(1, 6);
    // C touched in 90 days: CE (Nov 20), not CC (Sep 1).
    expect((await s.kpi("c_tier_coverage")).value).toBeCloseTo(0.5, 6);
    expect((await s.dashboard("tiering_board")).widgets).toHaveLength(9);
  });
});
