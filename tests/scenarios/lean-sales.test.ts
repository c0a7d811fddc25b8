import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kpiValue } from "./group-d-support.js";
import { firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B22 lean-sales: a stage clock adds up days per stage, backward moves count as rework, deals past
// their stage's P75 and deals waiting on approval are chased, improvements are standardised.
describe("lean-sales scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  let approver: ScenarioUser;
  const ids: Record<string, string> = {};
  const at = (day: string) => s.advanceTo(`${day}T02:00:00.000Z`);
  const move = (deal: string, stage: string) => s.move("deal", ids[deal]!, stage, rep).then(() => s.settle());

  beforeAll(async () => {
    s = await startScenario("lean-sales", { now: "2026-11-23T01:00:00.000Z" });
    manager = await s.addUser("Feng Lei");
    rep = await s.addUser("Tang Ning", { managerId: manager.id });
    approver = await s.addUser("Lu Fang", { managerId: manager.id });
  });
  afterAll(async () => {
    await s.close();
  });

  const newDeal = async (key: string, name: string, amount: number) => {
    ids[key] = (
      await s.create(
        "deal",
        {
          deal_name: name,
          customer: ids["customer"],
          owner: rep.id,
          amount,
          expected_close_date: "2026-12-31",
        },
        rep,
      )
    ).id;
  };

  it("clocks the days of each stage and counts a step back as rework (R3)", async () => {
    for (const [stage, value_adding, target_days] of [
      ["qualified", "no", 3],
      ["proposal", "yes", 7],
      ["negotiation", "yes", 10],
    ] as const) {
      ids[stage] = (
        await s.create("stage_benchmark", { stage, value_adding, target_days, owner: manager.id })
      ).id;
    }
    ids["customer"] = (
      await s.create(
        "customer",
        { customer_name: "华通集团", owner: rep.id, region: "east_china", industry: "finance" },
        rep,
      )
    ).id;
    await at("2026-11-23");
    await newDeal("d1", "华通 财务共享", 320_000);
    await newDeal("d2", "华通 报销系统", 48_000);
    await at("2026-11-26");
    await move("d1", "proposal");
    await move("d2", "proposal");
    await at("2026-11-30");
    await move("d1", "negotiation");
    await move("d2", "won");
    await at("2026-12-02");
    await move("d1", "proposal");
    expect((await s.get("deal", ids["d1"]!)).data["rework_count"]).toBe(1);
    await at("2026-12-04");
    await move("d1", "negotiation");
    await at("2026-12-07");
    await move("d1", "won");
    expect((await s.get("deal", ids["d1"]!)).data).toMatchObject({
      qualified_days: 3,
      proposal_days: 6,
      negotiation_days: 5,
      stage_days_total: 14,
      value_adding_days: 11,
      rework_count: 1,
      max_stage_rank: 4,
    });
    expect((await s.get("deal", ids["d2"]!)).data).toMatchObject({
      qualified_days: 3,
      proposal_days: 4,
      negotiation_days: 0,
      value_adding_days: 4,
      rework_count: 0,
    });
  });

  it("refuses to lose a deal without a reason", async () => {
    await newDeal("d3", "华通 电子签章", 40_000);
    const refused = await s.tryMove("deal", ids["d3"]!, "lost", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("lost_reason");
  });

  it("takes the P75 of deals closed in 90 days", async () => {
    await s.patch("stage_benchmark", ids["proposal"]!, { target_days: 6 });
    // Proposal days of the closed deals: 4 and 6 → P75 = 5.5.
    expect((await s.get("stage_benchmark", ids["proposal"]!)).data["p75_days"]).toBe(5.5);
    await move("d3", "proposal");
    expect((await s.get("deal", ids["d3"]!)).data).toMatchObject({
      stage_p75_days: 5.5,
      stage_p75_due: "2026-12-13",
    });
  });

  it("reminds approver and manager after two days waiting on approval (R2)", async () => {
    await newDeal("d4", "华通 资金管理", 210_000);
    await s.patch("deal", ids["d4"]!, { wait_reason: "internal_approval", approver: approver.id }, rep);
    await s.advanceTo("2026-12-09T03:00:00.000Z");
    const waiting = (await s.notifications()).filter(
      (n) => n.title.en === "A deal has waited 2 days for internal approval",
    );
    expect(waiting.map((n) => [n.recordId, n.userId]).sort()).toEqual(
      [
        [ids["d4"], approver.id],
        [ids["d4"], manager.id],
      ].sort(),
    );
  });

  it("asks for the waiting reason the day after a deal passes its stage's P75 (R1)", async () => {
    await s.advanceTo("2026-12-14T01:05:00.000Z");
    const past = (await s.notifications(rep.id)).filter((n) =>
      n.title.en.startsWith("Deal past the stage's P75"),
    );
    // d4 sits in qualified (P75 3 days, since 12-07) and d3 in proposal (P75 5.5 days, since 12-07).
    expect(past.map((n) => n.recordId).sort()).toEqual([ids["d3"], ids["d4"]].sort());
  });

  it("standardises an improvement once its saving is verified", async () => {
    const item = async (waste_type: string, hours: number, saved: number) => {
      const w = await s.create("waste_item", {
        reported_by: rep.id,
        waste_type,
        stage: "negotiation",
        hours_per_month: hours,
      });
      await s.move("waste_item", w.id, "analysed");
      const trial = await s.tryMove("waste_item", w.id, "trial");
      expect(trial.statusCode).toBe(422);
      expect(trial.body).toContain("countermeasure");
      await s.patch("waste_item", w.id, { countermeasure: "常规条款免法务审批，使用预审合同模板" });
      await s.move("waste_item", w.id, "trial");
      const done = await s.tryMove("waste_item", w.id, "standardised");
      expect(done.body).toContain("verified_saving_hours");
      await s.patch("waste_item", w.id, { verified_saving_hours: saved });
      await s.move("waste_item", w.id, "standardised");
    };
    await item("waiting", 20, 12);
    await item("duplicate_entry", 8, 6);
  });

  it("stamps the follow-up on customer and deal and plans the next one (C1)", async () => {
    const visit = await s.create(
      "follow_up",
      {
        customer: ids["customer"],
        deal: ids["d3"],
        owner: rep.id,
        follow_type: "meeting",
        status: "planned",
        follow_at: "2026-12-14T03:00:00.000Z",
      },
      rep,
    );
    await s.patch(
      "follow_up",
      visit.id,
      { status: "done", content: "确认签章方案。", next_follow_date: "2026-12-18" },
      rep,
    );
    await s.settle();
    expect((await s.get("customer", ids["customer"]!)).data["last_activity_at"]).toBe(
      "2026-12-14T03:00:00.000Z",
    );
    expect((await s.get("deal", ids["d3"]!)).data["last_activity_at"]).toBe("2026-12-14T03:00:00.000Z");
    const planned = (await s.list("follow_up")).filter((f) => f.data["status"] === "planned");
    expect(planned.map((f) => f.data["follow_at"])).toEqual(["2026-12-18T01:00:00.000Z"]);
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired, rule.id).toContain(rule.id);
  });

  it("computes the KPIs by hand", async () => {
    const span = ["2026-11-01", "2026-12-31"] as const;
    // Exited stage entries: d1 3, 4, 2, 2, 3 days; d2 3, 4 days (d3 left qualified after 0 days).
    const byStage = await s.kpi("time_in_stage", { from: span[0], to: span[1], groupBy: "_stage" });
    const groups = Object.fromEntries(
      byStage.groups.map((g) => [g.key, Math.round((g.value ?? 0) * 1e6) / 1e6]),
    );
    expect(groups).toEqual({ qualified: 2, proposal: 3.333333, negotiation: 2.5 });
    expect(await kpiValue(s, "time_in_stage", ...span)).toBe(2.625);
    // Value-adding (proposal, negotiation) 11 + 4 of 14 + 7 days.
    expect(await kpiValue(s, "flow_efficiency", ...span)).toBe(0.714286);
    expect(await kpiValue(s, "hours_saved", ...span)).toBe(18);
    const board = await s.dashboard("lean_board", { from: span[0], to: span[1] });
    expect(board.widgets).toHaveLength(7);
  });
});
