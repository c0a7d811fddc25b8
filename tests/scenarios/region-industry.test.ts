import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliedRules, failedRuns } from "./applied-rules.js";
import { startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B9 region-industry: three territories (two regions, one industry); customers routed and
// assigned round-robin, a boundary change with an open deal flagged, one without moved, the
// monthly review closed and reopened; every rule and KPI checked.
describe("region-industry scenario", () => {
  let s: Scenario;
  const managers: Record<string, ScenarioUser> = {};
  const reps: Record<string, ScenarioUser> = {};
  const territories: Record<string, string> = {};
  const customers: Record<string, string> = {};

  const titles = async (user: ScenarioUser) => (await s.notifications(user.id)).map((n) => n.title.zh);
  const territory = (
    code: string,
    kind: string,
    cover: string[],
    manager: ScenarioUser,
    quotas: [ScenarioUser, number][],
    potential: number,
  ) =>
    s.create("territory", {
      code,
      kind,
      ...(kind === "region" ? { provinces: cover } : { industries: cover }),
      manager: manager.id,
      reps: quotas.map(([rep, quota]) => ({ rep: rep.id, quota })),
      market_potential: potential,
      playbook: "季度行业沙龙 + 标杆客户参观",
      effective_from: "2026-01-01",
    });
  const customer = async (key: string, customer_name: string, province: string, industry: string) => {
    customers[key] = (
      await s.create("customer", {
        customer_name,
        owner: s.owner.id,
        region: "east_china",
        province,
        industry,
      })
    ).id;
    await s.settle();
    return s.get("customer", customers[key]);
  };
  const deal = (
    customerKey: string,
    territoryKey: string,
    industry: string,
    deal_name: string,
    amount: number,
    rep: ScenarioUser,
  ) =>
    s.create(
      "deal",
      {
        deal_name,
        customer: customers[customerKey],
        owner: rep.id,
        amount,
        expected_close_date: "2026-12-31",
        territory: territories[territoryKey],
        industry,
        local_competitor: "本地集成商",
      },
      rep,
    );

  beforeAll(async () => {
    s = await startScenario("region-industry", { now: "2026-11-23T01:00:00.000Z" });
    for (const key of ["east", "south", "health"]) managers[key] = await s.addUser(`${key} manager`);
    reps["r1"] = await s.addUser("East Rep One", { role: "member", managerId: managers["east"]!.id });
    reps["r2"] = await s.addUser("East Rep Two", { role: "member", managerId: managers["east"]!.id });
    reps["r3"] = await s.addUser("South Rep", { role: "member", managerId: managers["south"]!.id });
    reps["r4"] = await s.addUser("Health Rep", { role: "member", managerId: managers["health"]!.id });
    territories["east"] = (
      await territory(
        "EAST-01 华东区",
        "region",
        ["shanghai", "jiangsu", "zhejiang"],
        managers["east"]!,
        [
          [reps["r1"], 2_000_000],
          [reps["r2"], 1_500_000],
        ],
        50_000_000,
      )
    ).id;
    territories["south"] = (
      await territory(
        "SOUTH-01 华南区",
        "region",
        ["guangdong", "fujian"],
        managers["south"]!,
        [[reps["r3"], 3_000_000]],
        40_000_000,
      )
    ).id;
    territories["health"] = (
      await territory(
        "IND-HC 医疗行业",
        "industry",
        ["healthcare"],
        managers["health"]!,
        [[reps["r4"], 2_500_000]],
        20_000_000,
      )
    ).id;
    await s.settle();
  });
  afterAll(async () => {
    await s.close();
  });

  it("opens this month's review for each new territory", async () => {
    const reviews = await s.list("territory_review");
    expect(reviews.map((r) => [r.data["territory"], r.data["month"], r.data["manager"]]).sort()).toEqual(
      [
        [territories["east"], "2026-11-01", managers["east"]!.id],
        [territories["south"], "2026-11-01", managers["south"]!.id],
        [territories["health"], "2026-11-01", managers["health"]!.id],
      ].sort(),
    );
  });

  it("R1 routes customers by province or industry and rotates the owner over the territory's reps", async () => {
    const jiangnan = await customer("jiangnan", "江南纺织集团", "jiangsu", "manufacturing");
    expect(jiangnan.data).toMatchObject({ territory: territories["east"], owner: reps["r1"]!.id });
    const huating = await customer("huating", "华庭商业地产", "shanghai", "other");
    expect(huating.data).toMatchObject({ territory: territories["east"], owner: reps["r2"]!.id });
    const xinhai = await customer("xinhai", "鑫海电子", "guangdong", "manufacturing");
    expect(xinhai.data).toMatchObject({ territory: territories["south"], owner: reps["r3"]!.id });
    // Zhejiang is East, but healthcare has its own industry territory.
    const renkang = await customer("renkang", "仁康医院集团", "zhejiang", "healthcare");
    expect(renkang.data).toMatchObject({ territory: territories["health"], owner: reps["r4"]!.id });
    const ningbo = await customer("ningbo", "宁波港贸", "zhejiang", "retail");
    expect(ningbo.data).toMatchObject({ territory: territories["east"], owner: reps["r1"]!.id });
    expect(await titles(reps["r1"]!)).toEqual(["新客户已分配给你", "新客户已分配给你"]);
  });

  it("refuses a deal without a territory and a lost deal without a reason", async () => {
    const refused = await s.tryCreate(
      "deal",
      {
        deal_name: "x",
        customer: customers["jiangnan"],
        owner: reps["r1"]!.id,
        amount: 1,
        expected_close_date: "2026-12-31",
      },
      reps["r1"],
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("territory");
    expect(refused.body).toContain("industry");
    const won = [
      await deal("jiangnan", "east", "manufacturing", "江南纺织 MES 升级", 1_200_000, reps["r1"]!),
      await deal("xinhai", "south", "manufacturing", "鑫海 产线数据采集", 900_000, reps["r3"]!),
      await deal("renkang", "health", "healthcare", "仁康 院区设备管理", 1_500_000, reps["r4"]!),
    ];
    for (const d of won)
      for (const stage of ["proposal", "negotiation", "won"]) await s.move("deal", d.id, stage);
    const lost = await deal("huating", "east", "other", "华庭 智慧楼宇", 680_000, reps["r2"]!);
    const noReason = await s.tryMove("deal", lost.id, "lost");
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain("lost_reason");
    await s.patch("deal", lost.id, { lost_reason: "competitor" });
    await s.move("deal", lost.id, "lost");
    await deal("ningbo", "east", "retail", "宁波港贸 订单系统", 300_000, reps["r1"]!);
    await s.settle();
  });

  it("R2 flags a boundary change while deals are open and tells both managers", async () => {
    await s.patch("customer", customers["ningbo"]!, { province: "guangdong" });
    await s.settle();
    const ningbo = await s.get("customer", customers["ningbo"]!);
    expect(ningbo.data).toMatchObject({
      conflict: "flagged",
      territory: territories["east"],
      matched_territory: territories["south"],
      owner: reps["r1"]!.id,
    });
    expect(await titles(managers["east"]!)).toContain("客户归属冲突待裁定");
    expect(await titles(managers["south"]!)).toContain("客户归属冲突待裁定");
    expect(await titles(managers["health"]!)).not.toContain("客户归属冲突待裁定");
  });

  it("R2 moves a customer without open deals to its new territory and reassigns it", async () => {
    await s.patch("customer", customers["huating"]!, { province: "fujian" });
    await s.settle();
    const huating = await s.get("customer", customers["huating"]!);
    expect(huating.data).toMatchObject({
      conflict: "none",
      territory: territories["south"],
      owner: reps["r3"]!.id,
    });
    expect(await titles(reps["r3"]!)).toEqual(["新客户已分配给你", "新客户已分配给你"]);
  });

  it("R3 closes each territory's month with its won revenue and opens the next", async () => {
    await s.advanceTo("2026-12-01T00:30:00.000Z");
    const reviews = await s.list("territory_review");
    const november = Object.fromEntries(
      reviews.filter((r) => r.data["month"] === "2026-11-01").map((r) => [r.data["territory"], r.data]),
    );
    expect(november[territories["east"]!]).toMatchObject({ closed_on: "2026-12-01", revenue: 1_200_000 });
    expect(november[territories["south"]!]).toMatchObject({ closed_on: "2026-12-01", revenue: 900_000 });
    expect(november[territories["health"]!]).toMatchObject({ closed_on: "2026-12-01", revenue: 1_500_000 });
    expect(reviews.filter((r) => r.data["month"] === "2026-12-01")).toHaveLength(3);
    for (const key of ["east", "south", "health"])
      expect(await titles(managers[key]!)).toContain("请提交上月区域月报");

    const east = reviews.find(
      (r) => r.data["month"] === "2026-11-01" && r.data["territory"] === territories["east"],
    )!;
    const refused = await s.tryMove("territory_review", east.id, "submitted");
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("actions");
    expect(refused.body).toContain("est_share");
    await s.patch(
      "territory_review",
      east.id,
      { est_share: 0.024, actions: "12 月在苏州举办制造业数字化沙龙" },
      managers["east"],
    );
    expect((await s.move("territory_review", east.id, "submitted", managers["east"])).stage).toBe(
      "submitted",
    );
  });

  it("fired every rule without a failure", async () => {
    const runs = await s.runs();
    expect(failedRuns(runs)).toEqual([]);
    expect(appliedRules(runs)).toEqual(
      new Set([
        "r0_territory_setup",
        "r1_assign_territory",
        "r1_assign_rep",
        "r2_boundary_conflict",
        "r2_move_territory",
        "r3_monthly_review",
      ]),
    );
  });

  it("computes each KPI as counted by hand", async () => {
    const year = { from: "2026-01-01", to: "2027-01-01" };
    const attainment = await s.kpi("quota_attainment", { ...year, groupBy: "territory" });
    // Won 1.2 M + 0.9 M + 1.5 M against quotas 3.5 M + 3.0 M + 2.5 M.
    expect(attainment.value).toBeCloseTo(3_600_000 / 9_000_000, 6);
    const byTerritory = Object.fromEntries(attainment.groups.map((g) => [g.key, g.value]));
    expect(byTerritory[territories["east"]!]).toBeCloseTo(1_200_000 / 3_500_000, 6);
    expect(byTerritory[territories["south"]!]).toBeCloseTo(0.3, 6);
    expect(byTerritory[territories["health"]!]).toBeCloseTo(0.6, 6);
    expect((await s.kpi("penetration", year)).value).toBeCloseTo(3_600_000 / 110_000_000, 6);
    const win = await s.kpi("win_rate", { ...year, groupBy: "industry" });
    expect(win.value).toBeCloseTo(3 / 4, 6);
    expect(Object.fromEntries(win.groups.map((g) => [g.key, g.value]))).toEqual({
      manufacturing: 1,
      other: 0,
      healthcare: 1,
    });
    expect((await s.dashboard("territory_board")).widgets).toHaveLength(7);
  });
});
