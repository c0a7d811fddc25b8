import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliedRules, failedRuns } from "./applied-rules.js";
import { startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B8 customer-lifecycle: a customer acquired and onboarded, one renewed 90 days before its end
// date, one whose health drops and who churns and is won back; every rule and KPI checked.
describe("customer-lifecycle scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  let csm: ScenarioUser;
  let yunfan: string;
  let jinhe: string;
  let shengda: string;

  const titles = async (user: ScenarioUser) => (await s.notifications(user.id)).map((n) => n.title.zh);
  const winDeal = async (id: string) => {
    for (const stage of ["proposal", "negotiation", "won"]) await s.move("deal", id, stage, rep);
    await s.settle();
  };

  beforeAll(async () => {
    s = await startScenario("customer-lifecycle", { now: "2026-11-23T01:00:00.000Z" });
    manager = await s.addUser("Wang Manager");
    rep = await s.addUser("Zhao Rep", { role: "member", managerId: manager.id });
    csm = await s.addUser("Sun CSM", { role: "member", managerId: manager.id });
    const existing = (
      customer_name: string,
      industry: string,
      end: string,
      value: number,
      usage: number,
      nps: number,
    ) =>
      s.create(
        "customer",
        {
          customer_name,
          owner: rep.id,
          region: "south_china",
          industry,
          phone: "+86 20-8888-6666",
          csm: csm.id,
          contract_end_date: end,
          contract_value: value,
          usage_index: usage,
          nps,
        },
        rep,
      );
    jinhe = (await existing("金禾连锁药房", "healthcare", "2027-02-25", 240_000, 70, 8)).id;
    shengda = (await existing("盛达物流", "other", "2027-06-30", 120_000, 80, 8)).id;
    for (const id of [jinhe, shengda]) {
      await s.move("customer", id, "onboarding", rep);
      await s.move("customer", id, "active", rep);
    }
    await s.settle();
  });
  afterAll(async () => {
    await s.close();
  });

  it("acquires a customer: onboarding needs a CSM, active needs a contract end date", async () => {
    yunfan = (
      await s.create(
        "customer",
        {
          customer_name: "云帆在线教育",
          owner: rep.id,
          region: "east_china",
          industry: "education",
          email: "it@yunfan.cn",
        },
        rep,
      )
    ).id;
    const noCsm = await s.tryMove("customer", yunfan, "onboarding", rep);
    expect(noCsm.statusCode).toBe(422);
    expect(noCsm.body).toContain("csm");
    await s.patch("customer", yunfan, { csm: csm.id, usage_index: 60, nps: 7 }, rep);
    await s.move("customer", yunfan, "onboarding", rep);
    const noEnd = await s.tryMove("customer", yunfan, "active", rep);
    expect(noEnd.statusCode).toBe(422);
    expect(noEnd.body).toContain("contract_end_date");
  });

  it("books an order from the won deal, which sets the contract and the lifetime value", async () => {
    const deal = await s.create(
      "deal",
      {
        deal_name: "云帆 直播课堂平台",
        customer: yunfan,
        owner: rep.id,
        amount: 180_000,
        expected_close_date: "2026-12-15",
        deal_type: "new",
        term_months: 12,
      },
      rep,
    );
    await winDeal(deal.id);
    const orders = await s.list("order");
    expect(orders).toHaveLength(1);
    expect(orders[0]!.data).toMatchObject({
      customer: yunfan,
      deal: deal.id,
      order_type: "new",
      amount: 180_000,
      order_date: "2026-11-23",
      end_date: "2027-11-23",
    });
    const customer = await s.get("customer", yunfan);
    expect(customer.data).toMatchObject({
      contract_end_date: "2027-11-23",
      contract_value: 180_000,
      ltv: 180_000,
    });
    expect(customer.stage).toBe("onboarding");
    expect((await s.move("customer", yunfan, "active", rep)).stage).toBe("active");
  });

  it("R3 turns an expansion signal into an upsell deal and stamps the recommendation", async () => {
    await s.create(
      "health_check",
      {
        customer: yunfan,
        csm: csm.id,
        check_date: "2026-11-24",
        satisfaction: 9,
        nps_answer: 9,
        expansion_signal: "yes",
        notes: "计划新增两个校区",
      },
      csm,
    );
    await s.create(
      "health_check",
      { customer: jinhe, csm: csm.id, check_date: "2026-11-24", satisfaction: 7, expansion_signal: "no" },
      csm,
    );
    await s.settle();
    const upsells = (await s.list("deal")).filter((d) => d.data["deal_type"] === "upsell");
    expect(upsells).toHaveLength(1);
    expect(upsells[0]!.data).toMatchObject({ customer: yunfan, owner: csm.id, amount: 0 });
    const customer = await s.get("customer", yunfan);
    expect(customer.data["nps"]).toBe(9);
    expect(customer.data["health_score"]).toBe(72);
  });

  it("R2 alerts the CSM and the manager when health drops below 40", async () => {
    await s.patch("customer", shengda, { usage_index: 20, nps: 3 }, rep);
    await s.settle();
    expect((await s.get("customer", shengda)).data["health_score"]).toBe(24);
    expect(await titles(csm)).toContain("客户健康分低于 40");
    expect(await titles(manager)).toContain("客户健康分低于 40");
    expect(await titles(rep)).not.toContain("客户健康分低于 40");
  });

  it("R1 moves a customer to renewal due 90 days before its end date; the renewal brings it back", async () => {
    await s.advanceTo("2026-11-27T01:30:00.000Z");
    expect((await s.get("customer", jinhe)).stage).toBe("renewal_due");
    expect((await s.get("customer", yunfan)).stage).toBe("active");
    const renewal = (await s.list("deal")).find((d) => d.data["deal_type"] === "renewal");
    expect(renewal?.data).toMatchObject({
      customer: jinhe,
      owner: rep.id,
      amount: 240_000,
      expected_close_date: "2027-02-25",
    });
    expect(await titles(csm)).toContain("客户合同 90 天后到期，已生成续费商机");
    expect(await titles(rep)).toContain("客户合同 90 天后到期，已生成续费商机");

    await winDeal(renewal!.id);
    const customer = await s.get("customer", jinhe);
    expect(customer.stage).toBe("active");
    expect(customer.data).toMatchObject({
      contract_end_date: "2027-11-27",
      last_order_date: "2026-11-27",
      ltv: 240_000,
    });
    expect(await titles(csm)).toContain("客户已续费/赢回，回到活跃");
  });

  it("churns a customer with a reason and wins it back with a new order", async () => {
    const refused = await s.tryMove("customer", shengda, "churned", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("churn_reason");
    await s.patch("customer", shengda, { churn_reason: "low_usage" }, rep);
    expect((await s.move("customer", shengda, "churned", rep)).stage).toBe("churned");
    await s.advanceTo("2026-12-01T02:00:00.000Z");
    await s.create(
      "order",
      { customer: shengda, order_type: "new", amount: 150_000, order_date: "2026-12-01", term_months: 12 },
      rep,
    );
    await s.settle();
    const customer = await s.get("customer", shengda);
    expect(customer.stage).toBe("active");
    expect(customer.data).toMatchObject({
      ltv: 150_000,
      contract_value: 150_000,
      contract_end_date: "2027-12-01",
    });
  });

  it("fired every rule without a failure", async () => {
    const runs = await s.runs();
    expect(failedRuns(runs)).toEqual([]);
    expect(appliedRules(runs)).toEqual(
      new Set([
        "r1_renewal_due",
        "r2_health_alert",
        "r3_expansion_deal",
        "r3_stamp_health_check",
        "r4_won_deal_order",
        "r5_order_renews",
        "r6_back_to_active",
      ]),
    );
  });

  it("computes each KPI as counted by hand", async () => {
    const year = { from: "2026-01-01", to: "2027-01-01" };
    // One customer became due for renewal and came back to active.
    expect((await s.kpi("renewal_rate", year)).value).toBe(1);
    // Three customers were active in the year (云帆, 金禾, 盛达); one of them churned.
    expect((await s.kpi("churn_rate", year)).value).toBeCloseTo(1 / 3, 6);
    const ltv = await s.kpi("ltv", { ...year, groupBy: "industry" });
    expect(ltv.value).toBeCloseTo((180_000 + 240_000 + 150_000) / 3, 6);
    const byIndustry = Object.fromEntries(ltv.groups.map((g) => [g.key, g.value]));
    expect(byIndustry).toEqual({ education: 180_000, healthcare: 240_000, other: 150_000 });
    expect((await s.dashboard("lifecycle_board")).widgets).toHaveLength(6);
  });
});
