import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliedRules, failedRuns } from "./applied-rules.js";
import { startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B10 product-line: two lines with specialists and discount caps; deals get specialists
// round-robin, a discount over the cap alerts the line manager, won deals split revenue per line.
describe("product-line scenario", () => {
  let s: Scenario;
  const u: Record<string, ScenarioUser> = {};
  let cloud: string;
  let service: string;
  let customer: string;
  const deals: Record<string, string> = {};

  const titles = async (user: ScenarioUser) => (await s.notifications(user.id)).map((n) => n.title.zh);
  const line = async (
    name: string,
    manager: ScenarioUser,
    specialists: ScenarioUser[],
    annual_target: number,
    max_discount: number,
  ) =>
    (
      await s.create("product_line", {
        name,
        line_manager: manager.id,
        specialists: specialists.map((member) => ({ member: member.id })),
        annual_target,
        max_discount,
        effective_from: "2026-01-01",
      })
    ).id;
  const deal = async (
    key: string,
    deal_name: string,
    primary: string,
    items: [string, string, number, number][],
  ) => {
    const created = await s.create(
      "deal",
      {
        deal_name,
        customer,
        owner: u["rep"]!.id,
        amount: items.reduce((sum, [, , amount, discount]) => sum + amount * (1 - discount), 0),
        expected_close_date: "2026-12-31",
        primary_line: primary,
        items: items.map(([product_line, product, amount, discount]) => ({
          product_line,
          product,
          amount,
          discount,
        })),
      },
      u["rep"],
    );
    deals[key] = created.id;
    return created;
  };
  const win = async (id: string) => {
    for (const stage of ["product_demo", "proposal", "won"]) await s.move("deal", id, stage, u["rep"]);
    await s.settle();
  };

  beforeAll(async () => {
    s = await startScenario("product-line", { now: "2026-11-23T01:00:00.000Z" });
    for (const name of ["cloudManager", "serviceManager", "s1", "s2", "s3"]) u[name] = await s.addUser(name);
    u["rep"] = await s.addUser("rep", { role: "member", managerId: u["cloudManager"]!.id });
    cloud = await line("云平台产品线", u["cloudManager"]!, [u["s1"]!, u["s2"]!], 8_000_000, 0.15);
    service = await line("实施与服务线", u["serviceManager"]!, [u["s3"]!], 2_000_000, 0.1);
    customer = (
      await s.create("customer", {
        customer_name: "天瑞制药",
        owner: u["rep"].id,
        region: "east_china",
        industry: "healthcare",
      })
    ).id;
    await s.settle();
  });
  afterAll(async () => {
    await s.close();
  });

  it("refuses the demo stage without a specialist; R1 then assigns one round-robin", async () => {
    await deal("platform", "天瑞 私有云平台", cloud, [
      [cloud, "enterprise", 1_200_000, 0.1],
      [service, "implementation", 300_000, 0.05],
    ]);
    const refused = await s.tryMove("deal", deals["platform"]!, "product_demo", u["rep"]);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("specialist");
    await s.settle();
    await deal("store", "天瑞 门店云", cloud, [[cloud, "standard", 400_000, 0.05]]);
    await deal("support", "天瑞 运维年包", service, [[service, "support", 200_000, 0]]);
    await s.settle();
    const specialist = async (key: string) => (await s.get("deal", deals[key]!)).data["specialist"];
    expect([await specialist("platform"), await specialist("store"), await specialist("support")]).toEqual([
      u["s1"]!.id,
      u["s2"]!.id,
      u["s3"]!.id,
    ]);
    expect(await titles(u["s2"]!)).toEqual(["你被指派为商机的产品专家"]);
  });

  it("R2 tells the line manager when an item's discount passes the line's cap", async () => {
    await s.patch(
      "deal",
      deals["store"]!,
      { items: [{ product_line: cloud, product: "standard", amount: 400_000, discount: 0.2 }] },
      u["rep"],
    );
    await s.settle();
    expect((await s.get("deal", deals["store"]!)).data["discount_reviewer"]).toBe(u["cloudManager"]!.id);
    expect(await titles(u["cloudManager"]!)).toEqual(["商机折扣超过产品线上限"]);
    expect(await titles(u["serviceManager"]!)).toEqual([]);
  });

  it("R3 books one revenue row per item of a won deal to its line", async () => {
    await win(deals["platform"]!);
    await win(deals["store"]!);
    const rows = (await s.list("line_revenue")).map((r) => [
      r.data["deal"],
      r.data["product_line"],
      r.data["product"],
      r.data["amount"],
      r.data["month"],
      r.data["owner"],
    ]);
    expect(rows.sort((a, b) => Number(a[3]) - Number(b[3]))).toEqual([
      [deals["platform"], service, "implementation", 285_000, "2026-11-01", u["rep"]!.id],
      [deals["store"], cloud, "standard", 320_000, "2026-11-01", u["rep"]!.id],
      [deals["platform"], cloud, "enterprise", 1_080_000, "2026-11-01", u["rep"]!.id],
    ]);
    const refused = await s.tryMove("deal", deals["support"]!, "lost", u["rep"]);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("lost_reason");
    await s.patch("deal", deals["support"]!, { lost_reason: "timing" }, u["rep"]);
    await s.move("deal", deals["support"]!, "lost", u["rep"]);
  });

  it("fired every rule it had cause to, without a failure", async () => {
    const runs = await s.runs();
    expect(failedRuns(runs)).toEqual([]);
    // Won deals had two items at most: the rules for items 3–6 had nothing to book.
    expect(appliedRules(runs)).toEqual(
      new Set([
        "r0_line_setup",
        "r1_assign_specialist",
        "r2_discount_over_cap",
        "r3_line_revenue_1",
        "r3_line_revenue_2",
      ]),
    );
  });

  it("computes each KPI as counted by hand", async () => {
    const year = { from: "2026-01-01", to: "2027-01-01" };
    const attainment = await s.kpi("line_attainment", { ...year, groupBy: "product_line" });
    expect(attainment.value).toBeCloseTo(1_685_000 / 10_000_000, 6);
    const byLine = Object.fromEntries(attainment.groups.map((g) => [g.key, g.value]));
    expect(byLine[cloud]).toBeCloseTo(1_400_000 / 8_000_000, 6);
    expect(byLine[service]).toBeCloseTo(285_000 / 2_000_000, 6);
    const mix = await s.kpi("product_mix", { ...year, groupBy: "product" });
    expect(mix.value).toBe(1_685_000);
    expect(Object.fromEntries(mix.groups.map((g) => [g.key, g.value]))).toEqual({
      enterprise: 1_080_000,
      implementation: 285_000,
      standard: 320_000,
    });
    // Two won deals, one spanning two lines.
    expect((await s.kpi("cross_sell_rate", year)).value).toBe(0.5);
    expect((await s.dashboard("product_line_board")).widgets).toHaveLength(6);
  });
});
