import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kpiValue } from "./group-d-support.js";
import { firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B20 training-growth: plans get a mentor by team, assessment waits for every course, a failed
// assessment reopens the course, overdue courses are chased, certification and ramp are measured.
describe("training-growth scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let seniorEast: ScenarioUser;
  let seniorNorth: ScenarioUser;
  let learner1: ScenarioUser;
  let learner2: ScenarioUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await startScenario("training-growth", { now: "2026-11-23T01:00:00.000Z" });
    manager = await s.addUser("Zhou Jie");
    seniorEast = await s.addUser("Sun Hao", { managerId: manager.id });
    seniorNorth = await s.addUser("Qian Yu", { managerId: manager.id });
    learner1 = await s.addUser("Xiao Lin", { managerId: manager.id });
    learner2 = await s.addUser("Xiao Wu", { managerId: manager.id });
    // The installer maps each team to its senior rep (R1).
    await s.republish((definition) => {
      const r1 = definition.rules?.find((r) => r.id === "r1_assign_mentor");
      const assign = r1?.actions[0];
      if (assign?.type !== "assign_owner" || assign.strategy.type !== "by_field") throw new Error("R1 shape");
      assign.strategy.map = [
        { value: "team_east", userId: seniorEast.id },
        { value: "team_north", userId: seniorNorth.id },
      ];
    });
  });
  afterAll(async () => {
    await s.close();
  });

  const plan = (data: Record<string, unknown>) => s.create("learning_plan", data, manager);

  it("assigns a mentor by team to each new plan (R1)", async () => {
    const course = async (title: string, pass: number) =>
      (
        await s.create("course", {
          title,
          category: "product",
          level: "newcomer",
          format: "online",
          hours: 6,
          pass_score: pass,
        })
      ).id;
    ids["product"] = await course("产品体系与报价", 80);
    ids["spin"] = await course("SPIN 顾问式销售", 75);
    const row = (course: string, due: string) => ({ course: ids[course], due, done: "no" });
    ids["p1"] = (
      await plan({
        learner: learner1.id,
        team: "team_east",
        start_date: "2026-09-01",
        ramp_target: 100_000,
        courses: [row("product", "2026-11-10"), row("spin", "2026-12-10")],
      })
    ).id;
    ids["p2"] = (
      await plan({
        learner: learner2.id,
        team: "team_north",
        start_date: "2026-10-01",
        ramp_target: 80_000,
        courses: [row("product", "2026-12-01")],
      })
    ).id;
    ids["p3"] = (
      await plan({
        learner: learner2.id,
        team: "team_north",
        start_date: "2026-11-24",
        ramp_target: 50_000,
        courses: [row("spin", "2026-11-20")],
      })
    ).id;
    ids["p4"] = (await plan({ learner: learner1.id, team: "team_east", start_date: "2026-11-20" })).id;
    await s.settle();
    const p1 = await s.get("learning_plan", ids["p1"]);
    expect(p1.data["mentor"]).toBe(seniorEast.id);
    expect(p1.ownerId).toBe(seniorEast.id);
    expect((await s.get("learning_plan", ids["p2"])).data["mentor"]).toBe(seniorNorth.id);
    expect((await s.notifications(seniorEast.id)).filter((n) => n.recordId === ids["p1"])).toHaveLength(1);
    expect((await s.notifications(learner1.id)).filter((n) => n.recordId === ids["p1"])).toHaveLength(1);
  });

  it("refuses training without courses and assessment before every course is done", async () => {
    const empty = await s.tryMove("learning_plan", ids["p4"]!, "in_training", manager);
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("courses");
    for (const id of ["p1", "p2", "p3"]) await s.move("learning_plan", ids[id]!, "in_training", manager);
    const early = await s.tryMove("learning_plan", ids["p1"]!, "assessed", manager);
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain("全部课程完成后才能进入考核");
    const exit = await s.tryMove("learning_plan", ids["p4"]!, "exited", manager);
    expect(exit.statusCode).toBe(422);
    expect(exit.body).toContain("exit_reason");
  });

  it("sums the deals won in the first 90 days as ramp", async () => {
    const customer = await s.create(
      "customer",
      { customer_name: "联创电子", owner: learner1.id, region: "south_china", industry: "manufacturing" },
      learner1,
    );
    ids["customer"] = customer.id;
    const deal = async (owner: ScenarioUser, amount: number, won: boolean) => {
      const d = await s.create(
        "deal",
        {
          deal_name: `联创电子 ${amount}`,
          customer: customer.id,
          owner: owner.id,
          amount,
          expected_close_date: "2026-12-15",
        },
        owner,
      );
      if (won) await s.move("deal", d.id, "won", owner);
      return d.id;
    };
    ids["deal1"] = await deal(learner1, 60_000, true);
    await deal(learner1, 30_000, false);
    await deal(learner2, 20_000, true);
    const allDone = async (id: string) => {
      const current = await s.get("learning_plan", id);
      const rows = (current.data["courses"] as Record<string, unknown>[]).map((r) => ({ ...r, done: "yes" }));
      return s.patch("learning_plan", id, { courses: rows }, manager);
    };
    expect((await allDone(ids["p1"]!)).data).toMatchObject({ completion: 1, ramp_actual: 60_000 });
    expect((await allDone(ids["p2"]!)).data).toMatchObject({ completion: 1, ramp_actual: 20_000 });
    await s.move("learning_plan", ids["p1"]!, "assessed", manager);
    await s.move("learning_plan", ids["p2"]!, "assessed", manager);
  });

  it("reopens a failed course for 14 days and tells mentor and learner (R2)", async () => {
    const assess = (learner: ScenarioUser, planId: string, course: string, score: number) =>
      s.create(
        "assessment",
        {
          learner: learner.id,
          learning_plan: planId,
          course: ids[course],
          kind: "exam",
          score,
          assessor: seniorEast.id,
          feedback: score >= 80 ? "掌握扎实。" : "企业版功能差异不清，需复习。",
        },
        seniorEast,
      );
    expect((await assess(learner1, ids["p1"]!, "product", 72)).data).toMatchObject({
      pass_score: 80,
      passed: false,
    });
    expect((await assess(learner1, ids["p1"]!, "spin", 85)).data["passed"]).toBe(true);
    expect((await assess(learner2, ids["p2"]!, "product", 90)).data["passed"]).toBe(true);
    await s.settle();
    expect((await s.get("learning_plan", ids["p1"]!)).data).toMatchObject({
      retake_course: ids["product"],
      retake_due: "2026-12-07",
    });
    expect((await s.get("learning_plan", ids["p2"]!)).data["retake_due"]).toBeUndefined();
    for (const user of [seniorEast, learner1]) {
      expect((await s.notifications(user.id)).filter((n) => n.title.en.includes("retake"))).toHaveLength(1);
    }
    expect((await assess(learner1, ids["p1"]!, "product", 85)).data["passed"]).toBe(true);
  });

  it("chases a plan with an overdue course after a quiet week (R3)", async () => {
    await s.advanceTo("2026-12-01T02:00:00.000Z");
    const overdue = (await s.notifications()).filter((n) => n.title.en === "A course is overdue");
    expect(overdue.map((n) => n.userId).sort()).toEqual([learner2.id, seniorNorth.id].sort());
    expect(overdue.every((n) => n.recordId === ids["p3"])).toBe(true);
  });

  it("certifies the plans", async () => {
    await s.move("learning_plan", ids["p1"]!, "certified", manager);
    await s.move("learning_plan", ids["p2"]!, "certified", manager);
    expect((await s.get("learning_plan", ids["p1"]!)).stage).toBe("certified");
  });

  it("stamps the follow-up on customer and deal and plans the next one (C1)", async () => {
    const visit = await s.create(
      "follow_up",
      {
        customer: ids["customer"],
        deal: ids["deal1"],
        owner: learner1.id,
        follow_type: "visit",
        status: "planned",
        follow_at: "2026-12-01T03:00:00.000Z",
      },
      learner1,
    );
    await s.patch(
      "follow_up",
      visit.id,
      { status: "done", content: "导师陪同回访，客户确认二期预算。", next_follow_date: "2026-12-08" },
      learner1,
    );
    await s.settle();
    expect((await s.get("customer", ids["customer"]!)).data["last_activity_at"]).toBe(
      "2026-12-01T03:00:00.000Z",
    );
    expect((await s.get("deal", ids["deal1"]!)).data["last_activity_at"]).toBe("2026-12-01T03:00:00.000Z");
    const planned = (await s.list("follow_up")).filter((f) => f.data["status"] === "planned");
    expect(planned.map((f) => f.data["follow_at"])).toEqual(["2026-12-08T01:00:00.000Z"]);
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired, rule.id).toContain(rule.id);
  });

  it("computes the KPIs by hand", async () => {
    const year = ["2026-01-01", "2026-12-31"] as const;
    // Four assessments, three passed; by course: product 2 of 3, SPIN 1 of 1.
    expect(await kpiValue(s, "pass_rate", ...year)).toBe(0.75);
    const byCourse = await s.kpi("pass_rate", { from: year[0], to: year[1], groupBy: "course" });
    const groups = Object.fromEntries(
      byCourse.groups.map((g) => [g.key, Math.round((g.value ?? 0) * 1e6) / 1e6]),
    );
    expect(groups).toEqual({ [ids["product"]!]: 0.666667, [ids["spin"]!]: 1 });
    // Both certified plans: created 2026-11-23 01:00, certified 2026-12-01 02:00 (8 d 1 h).
    expect(await kpiValue(s, "time_to_certify", ...year)).toBeCloseTo(8 + 1 / 24, 4);
    // (60 000 + 20 000 + 0) ÷ (100 000 + 80 000 + 50 000); p4 has no target.
    expect(await kpiValue(s, "ramp_attainment", ...year)).toBe(0.347826);
    const board = await s.dashboard("growth_board", { from: year[0], to: year[1] });
    expect(board.widgets).toHaveLength(7);
  });
});
