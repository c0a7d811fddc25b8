import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliedRules, failedRuns, file } from "./applied-rules.js";
import { startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B7 process-control, worked for two weeks: a deal walked through its stages by visits, the
// proposal guard, the visit-gap reminders and the Monday scorecard, every KPI checked by hand.
describe("process-control scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  let dealA: string;
  let dealB: string;
  let dealC: string;

  const visit = async (deal: string, type: string, at: string, next: string, quality: number) => {
    await s.advanceTo(at);
    await s.create(
      "visit_record",
      {
        deal,
        rep: rep.id,
        visit_type: type,
        check_in_at: at,
        location: "苏州工业园区恒泰总部",
        summary: `恒泰二期：${type}`,
        next_date: next,
        quality_score: quality,
      },
      rep,
    );
    await s.settle();
  };

  beforeAll(async () => {
    // Monday 2026-11-23 09:00 in Shanghai.
    s = await startScenario("process-control", { now: "2026-11-23T01:00:00.000Z" });
    manager = await s.addUser("Li Manager");
    rep = await s.addUser("Zhang Rep", { role: "member", managerId: manager.id });
    const standards: [string, number, number, number][] = [
      ["first_visit", 2, 14, 0.3],
      ["follow_up", 3, 7, 0.4],
      ["proposal", 1, 14, 0.2],
      ["site_tour", 1, 30, 0.1],
    ];
    for (const [activity_type, weekly_min, max_interval_days, weight] of standards) {
      await s.create("activity_standard", {
        activity_type,
        weekly_min,
        max_interval_days,
        weight,
        quality_criteria: "每次拜访须推进一项具体事项",
      });
    }
    const customer = await s.create(
      "customer",
      { customer_name: "恒泰精密机械", owner: rep.id, region: "east_china", industry: "manufacturing" },
      rep,
    );
    const deal = (deal_name: string, amount: number) =>
      s.create(
        "deal",
        { deal_name, customer: customer.id, owner: rep.id, amount, expected_close_date: "2027-01-31" },
        rep,
      );
    dealA = (await deal("恒泰 二期自动化产线", 1_860_000)).id;
    dealB = (await deal("恒泰 传感器升级", 260_000)).id;
    dealC = (await deal("恒泰 备件年框", 120_000)).id;
    await s.create("process_scorecard", { rep: rep.id, week_start: "2026-11-23" });
    await s.settle();
  });
  afterAll(async () => {
    await s.close();
  });

  it("refuses a stage move without its required fields and names them", async () => {
    const refused = await s.tryMove("deal", dealA, "needs_survey", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("needs_summary");
    expect(refused.body).toContain("decision_maker");
    await s.patch(
      "deal",
      dealA,
      { needs_summary: "二期产线节拍提升 30%，需对接 MES", decision_maker: "生产副总 陈工" },
      rep,
    );
    expect((await s.move("deal", dealA, "needs_survey", rep)).stage).toBe("needs_survey");
  });

  it("stamps each visit on its deal and judges it on time against the agreed date", async () => {
    await visit(dealA, "first_visit", "2026-11-23T02:00:00.000Z", "2026-11-24", 4);
    let deal = await s.get("deal", dealA);
    expect(deal.data["next_visit_due"]).toBe("2026-11-24");
    expect(Date.parse(String(deal.data["last_activity_at"]))).toBe(Date.parse("2026-11-23T02:00:00.000Z"));
    await visit(dealA, "site_tour", "2026-11-24T06:00:00.000Z", "2026-11-25", 5);
    await visit(dealB, "first_visit", "2026-11-24T08:00:00.000Z", "2026-11-28", 3);
    // Due on the 25th, visited on the 26th: late.
    await visit(dealA, "follow_up", "2026-11-26T03:00:00.000Z", "2026-11-27", 4);
    const visits = await s.list("visit_record");
    const onTime = visits
      .map((r) => [String(r.data["check_in_at"]), r.data["on_time"]] as const)
      .sort(([a], [b]) => Date.parse(a) - Date.parse(b))
      .map(([, value]) => value);
    expect(onTime).toEqual([1, 1, 1, 0]);
    deal = await s.get("deal", dealA);
    expect(deal.data["next_visit_due"]).toBe("2026-11-27");
  });

  it("R1 sends a proposal back to site tour until a presentation visit is logged", async () => {
    expect((await s.move("deal", dealA, "site_tour", rep)).stage).toBe("site_tour");
    const refused = await s.tryMove("deal", dealA, "proposal_submitted", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("proposal_file");
    await s.patch("deal", dealA, { proposal_file: file("file_proposal_a", "恒泰二期方案.pdf") }, rep);
    expect((await s.move("deal", dealA, "proposal_submitted", rep)).stage).toBe("proposal_submitted");
    await s.settle();
    expect((await s.get("deal", dealA)).stage).toBe("site_tour");
    const titles = (await s.notifications(rep.id)).map((n) => n.title.zh);
    expect(titles).toContain("提交方案前须先登记方案讲解拜访");

    await visit(dealA, "proposal", "2026-11-27T02:00:00.000Z", "2026-12-04", 5);
    await s.move("deal", dealA, "proposal_submitted", rep);
    await s.settle();
    expect((await s.get("deal", dealA)).stage).toBe("proposal_submitted");
    expect((await s.move("deal", dealA, "won", rep)).stage).toBe("won");
  });

  it("refuses a lost deal without its reason", async () => {
    const refused = await s.tryMove("deal", dealB, "lost", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("lost_reason");
    await s.patch("deal", dealB, { lost_reason: "price" }, rep);
    expect((await s.move("deal", dealB, "lost", rep)).stage).toBe("lost");
  });

  it("R3 scores last week on Monday and opens this week's row", async () => {
    // Monday 2026-11-30 08:00 in Shanghai.
    await s.advanceTo("2026-11-30T00:30:00.000Z");
    const rows = (await s.list("process_scorecard")).sort((a, b) =>
      String(a.data["week_start"]).localeCompare(String(b.data["week_start"])),
    );
    expect(rows.map((r) => r.data["week_start"])).toEqual(["2026-11-23", "2026-11-30"]);
    const scored = rows[0]!.data;
    // 5 visits, 4 on time; Σ weight × MIN(1, done ÷ min): first 0.3×1 + follow-up 0.4×⅓ + proposal 0.2×1 + tour 0.1×1.
    expect(scored["visits"]).toBe(5);
    expect(scored["on_time_rate"]).toBe(0.8);
    expect(scored["compliance_score"]).toBe(73.3);
    expect(rows[1]!.data["rep"]).toBe(rep.id);
    expect(rows[1]!.data["scored_on"]).toBeUndefined();
    expect(scored["scored_on"]).toBe("2026-11-30");
  });

  it("R2 reminds the owner past the longest gap, and the manager too past twice the gap", async () => {
    // Deal C never had a visit: the follow-up standard allows 7 days.
    await s.advanceTo("2026-12-01T01:30:00.000Z");
    const gap = "商机超过最长拜访间隔";
    const twice = "商机超过两倍拜访间隔";
    expect(
      (await s.notifications(rep.id)).filter((n) => n.title.zh === gap && n.recordId === dealC),
    ).toHaveLength(1);
    expect((await s.notifications(manager.id)).map((n) => n.title.zh)).not.toContain(twice);
    await s.advanceTo("2026-12-08T01:30:00.000Z");
    expect(
      (await s.notifications(manager.id)).filter((n) => n.title.zh === twice && n.recordId === dealC).length,
    ).toBe(1);
    expect((await s.notifications(rep.id)).filter((n) => n.title.zh === twice).length).toBe(1);
    // The closed deals are never reminded.
    const reminded = (await s.notifications()).filter((n) => n.title.zh === gap || n.title.zh === twice);
    expect(new Set(reminded.map((n) => n.recordId))).toEqual(new Set([dealC]));
  });

  it("fired every rule without a failure", async () => {
    const runs = await s.runs();
    expect(failedRuns(runs)).toEqual([]);
    expect(appliedRules(runs)).toEqual(
      new Set([
        "r0_visit_stamp",
        "r1_proposal_guard",
        "r2_visit_gap",
        "r2_visit_gap_escalate",
        "r3_weekly_scorecard",
      ]),
    );
  });

  it("computes each KPI as counted by hand", async () => {
    const year = { from: "2026-01-01", to: "2027-01-01" };
    // Week of 11-23 scored 73.3; week of 11-30 had no visits: 0 (the 12-07 row is not scored yet).
    expect((await s.kpi("process_compliance", year)).value).toBeCloseTo((73.3 + 0) / 2, 6);
    expect((await s.kpi("on_time_follow_rate", year)).value).toBeCloseTo(4 / 5, 6);
    // 5 visits for 1 won deal.
    expect((await s.kpi("visits_per_win", year)).value).toBe(5);
    const board = await s.dashboard("process_board");
    expect(board.widgets).toHaveLength(7);
  });
});
