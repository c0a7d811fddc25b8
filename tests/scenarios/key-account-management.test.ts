import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliedRules, failedRuns } from "./applied-rules.js";
import { startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B12 key-account-management: a key account with KAM, deputy and sponsor; its account plan
// walked through the stakeholder map; a deal won toward the plan; health turning red; a stale
// decision maker; the QBR opened 15 days before the quarter ends and held; every KPI by hand.
describe("key-account-management scenario", () => {
  let s: Scenario;
  let sponsor: ScenarioUser;
  let kam: ScenarioUser;
  let deputy: ScenarioUser;
  let account: string;
  let plan: string;

  const titles = async (user: ScenarioUser) => (await s.notifications(user.id)).map((n) => n.title.zh);
  const stakeholders = [
    {
      name: "王总（物资部总经理）",
      role: "decision_maker",
      attitude: "supporter",
      last_contact: "2026-10-01",
    },
    { name: "李处长（采购处）", role: "decision_maker", attitude: "neutral", last_contact: "2026-11-10" },
    { name: "赵董（分管副总）", role: "decision_maker", attitude: "neutral" },
    { name: "张工（信息中心）", role: "user", attitude: "supporter", last_contact: "2026-11-18" },
    { name: "陈主任（办公室）", role: "champion", attitude: "supporter", last_contact: "2026-11-20" },
  ];

  beforeAll(async () => {
    s = await startScenario("key-account-management", { now: "2026-11-23T01:00:00.000Z" });
    sponsor = await s.addUser("VP Feng");
    kam = await s.addUser("KAM Jiang", { role: "member", managerId: sponsor.id });
    deputy = await s.addUser("Deputy Han", { role: "member", managerId: sponsor.id });
    const customer = await s.create(
      "customer",
      { customer_name: "华东电网物资公司", owner: kam.id, region: "east_china", industry: "public_sector" },
      kam,
    );
    account = (
      await s.create(
        "key_account",
        {
          customer: customer.id,
          kam: kam.id,
          deputy: deputy.id,
          exec_sponsor: sponsor.id,
          annual_revenue: 12_000_000,
          health: "green",
        },
        kam,
      )
    ).id;
    await s.settle();
  });
  afterAll(async () => {
    await s.close();
  });

  it("schedules the first QBR 15 days before the quarter ends", async () => {
    expect((await s.get("key_account", account)).data["next_qbr_prep"]).toBe("2026-12-16");
  });

  it("walks the account plan: the stakeholder map and initiatives are required on the way", async () => {
    plan = (
      await s.create(
        "account_plan",
        { key_account: account, kam: kam.id, fiscal_year: 2026, revenue_goal: 15_000_000 },
        kam,
      )
    ).id;
    const noMap = await s.tryMove("account_plan", plan, "stakeholders_mapped", kam);
    expect(noMap.statusCode).toBe(422);
    expect(noMap.body).toContain("stakeholders");
    await s.patch("account_plan", plan, { stakeholders }, kam);
    await s.move("account_plan", plan, "stakeholders_mapped", kam);
    const noInitiatives = await s.tryMove("account_plan", plan, "approved", kam);
    expect(noInitiatives.statusCode).toBe(422);
    expect(noInitiatives.body).toContain("initiatives");
    await s.patch(
      "account_plan",
      plan,
      {
        initiatives: [
          { initiative: "2027 年度框架协议续签", value: 9_000_000, due: "2026-12-31" },
          { initiative: "配网物资电商平台试点", value: 3_000_000, due: "2027-03-31" },
        ],
      },
      kam,
    );
    await s.move("account_plan", plan, "approved", kam);
    expect((await s.move("account_plan", plan, "executing", kam)).stage).toBe("executing");
    const data = (await s.get("account_plan", plan)).data;
    expect(data).toMatchObject({ dm_count: 3, dm_covered: 2, stalest_dm_contact: "2026-10-01" });
  });

  it("counts a won deal toward the plan", async () => {
    const customer = String((await s.get("key_account", account)).data["customer"]);
    const deal = (deal_name: string, amount: number) =>
      s.create(
        "deal",
        { deal_name, customer, owner: kam.id, amount, expected_close_date: "2026-12-31", account_plan: plan },
        kam,
      );
    const won = await deal("2026 配网物资框架协议", 4_000_000);
    for (const stage of ["proposal", "negotiation", "won"]) await s.move("deal", won.id, stage, kam);
    const lost = await deal("仓储机器人试点", 1_200_000);
    await s.patch("deal", lost.id, { lost_reason: "timing" }, kam);
    await s.move("deal", lost.id, "lost", kam);
    await s.settle();
    expect((await s.get("account_plan", plan)).data).toMatchObject({
      revenue_actual: 4_000_000,
      last_won_on: "2026-11-23",
    });
  });

  it("R3 tells the executive sponsor when health turns red", async () => {
    await s.patch("key_account", account, { health: "amber" }, kam);
    await s.settle();
    expect(await titles(sponsor)).toEqual([]);
    await s.patch("key_account", account, { health: "red" }, kam);
    await s.settle();
    expect(await titles(sponsor)).toEqual(["关键客户健康度转为红色"]);
    expect(await titles(kam)).toEqual([]);
  });

  it("R2 tells the KAM when a decision maker has not been met for 60 days", async () => {
    await s.advanceTo("2026-11-29T02:00:00.000Z");
    expect(await titles(kam)).toEqual([]);
    await s.advanceTo("2026-11-30T02:00:00.000Z");
    expect(await titles(kam)).toEqual(["有决策者 60 天未接触"]);
    expect(await titles(deputy)).toEqual([]);
  });

  it("R1 opens the QBR 15 days before the quarter ends; holding it needs its outcome", async () => {
    // A Q3 review that was scheduled but never held.
    await s.create("qbr", { key_account: account, quarter: "2026-Q3", meeting_date: "2026-09-25" }, kam);
    await s.advanceTo("2026-12-16T02:00:00.000Z");
    const q4 = (await s.list("qbr")).find((q) => q.data["quarter"] === "2026-Q4");
    expect(q4?.data).toMatchObject({ key_account: account, meeting_date: "2026-12-26" });
    expect(await titles(kam)).toContain("请准备本季度业务回顾（QBR）");
    expect(await titles(sponsor)).toContain("请准备本季度业务回顾（QBR）");
    expect((await s.get("key_account", account)).data["next_qbr_prep"]).toBe("2027-03-16");
    const refused = await s.tryMove("qbr", q4!.id, "held", kam);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("value_delivered");
    expect(refused.body).toContain("next_actions");
    await s.patch(
      "qbr",
      q4!.id,
      {
        value_delivered: "框架协议执行率 92%，物资到货及时率提升到 98%",
        satisfaction: 8,
        next_actions: [{ action: "提交 2027 框架协议报价", owner: kam.id, due: "2027-01-10" }],
      },
      kam,
    );
    expect((await s.move("qbr", q4!.id, "held", kam)).stage).toBe("held");
  });

  it("fired every rule without a failure", async () => {
    const runs = await s.runs();
    expect(failedRuns(runs)).toEqual([]);
    expect(appliedRules(runs)).toEqual(
      new Set([
        "r0_first_qbr_prep",
        "r1_open_qbr",
        "r2_stale_decision_maker",
        "r3_health_red",
        "r4_deal_counts_toward_plan",
      ]),
    );
  });

  it("computes each KPI as counted by hand", async () => {
    const year = { from: "2026-01-01", to: "2027-01-01" };
    expect((await s.kpi("plan_attainment", year)).value).toBeCloseTo(4_000_000 / 15_000_000, 6);
    // Q3 never held, Q4 held.
    expect((await s.kpi("qbr_completion", year)).value).toBe(0.5);
    // Three decision makers, two met within 90 days when the plan was last saved.
    expect((await s.kpi("stakeholder_coverage", year)).value).toBeCloseTo(2 / 3, 6);
    expect((await s.dashboard("kam_board")).widgets).toHaveLength(6);
  });
});
