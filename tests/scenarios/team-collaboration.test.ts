import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPool } from "./configure.js";
import { HOUR, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B5 team-collaboration: team goals that must balance, pre-sales tasks assigned from a pool, the
// 100 % credit split guard on wins, credited revenue by member; KPIs by hand.
describe("team-collaboration scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let lead: ScenarioUser;
  let am: ScenarioUser;
  let assistant: ScenarioUser;
  let presales1: ScenarioUser;
  let presales2: ScenarioUser;
  let customerId: string;
  let eastGoal: string;
  const deal: Record<string, string> = {};

  beforeAll(async () => {
    s = await startScenario("team-collaboration", { now: "2026-11-23T01:00:00.000Z" });
    manager = await s.addUser("Manager Gu");
    lead = await s.addUser("Lead Xu", { managerId: manager.id });
    am = await s.addUser("AM Tang", { managerId: lead.id });
    assistant = await s.addUser("Assistant Yao", { managerId: lead.id });
    presales1 = await s.addUser("Presales Song", { managerId: manager.id });
    presales2 = await s.addUser("Presales Ma", { managerId: manager.id });
    await s.republish((d) => {
      setPool(d, "r1_assign_presales", [presales1.id, presales2.id]);
    });
    customerId = (
      await s.create("customer", { customer_name: "申港物流集团", owner: am.id, region: "east_china" }, am)
    ).id;
  });
  afterAll(async () => {
    await s.close();
  });

  const id = (key: string) => deal[key] ?? "";
  const balanceAlerts = async () =>
    (await s.notifications(lead.id)).filter((n) => n.title.en === "Team goal split out of balance");

  it("R3 tells the team lead when the members' targets do not add up to the team target", async () => {
    eastGoal = (
      await s.create(
        "team_goal",
        {
          team: "team_east",
          month: "2026-11-01",
          team_target: 1000000,
          team_lead: lead.id,
          members: [
            { member: am.id, target: 600000 },
            { member: assistant.id, target: 300000 },
          ],
        },
        lead,
      )
    ).id;
    await s.settle();
    expect((await balanceAlerts()).map((n) => n.recordId)).toEqual([eastGoal]);
    await s.patch(
      "team_goal",
      eastGoal,
      {
        members: [
          { member: am.id, target: 700000 },
          { member: assistant.id, target: 300000 },
        ],
      },
      lead,
    );
    await s.settle();
    expect(await balanceAlerts()).toHaveLength(1);
    await s.patch("team_goal", eastGoal, { team_target: 1200000 }, lead);
    await s.settle();
    expect(await balanceAlerts()).toHaveLength(2);
    await s.create(
      "team_goal",
      {
        team: "team_south",
        month: "2026-11-01",
        team_target: 500000,
        team_lead: lead.id,
        members: [{ member: am.id, target: 500000 }],
      },
      lead,
    );
    await s.settle();
    expect(await balanceAlerts()).toHaveLength(2);
  });

  it("R1 creates a pre-sales task when pre-sales engages and assigns it from the pool", async () => {
    for (const [key, team, amount] of [
      ["D1", "team_east", 800000],
      ["D2", "team_south", 400000],
      ["D3", "team_east", 200000],
    ] as const) {
      deal[key] = (
        await s.create(
          "deal",
          {
            deal_name: `申港 ${key}`,
            customer: customerId,
            owner: am.id,
            amount,
            expected_close_date: "2026-12-31",
            team,
          },
          am,
        )
      ).id;
    }
    const refused = await s.tryMove("deal", id("D1"), "presales_engaged", am);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("presales");
    for (const key of ["D1", "D2"]) {
      await s.patch("deal", id(key), { presales: presales1.id }, am);
      await s.move("deal", id(key), "presales_engaged", am);
      // One at a time, so the pool's turn order is the order of the deals.
      await s.settle();
    }
    const created = await s.list("collab_task");
    expect(
      created.map((task) => [
        task.data["deal"],
        task.data["assignee"],
        task.data["requested_by"],
        task.data["due_date"],
      ]),
    ).toEqual(
      expect.arrayContaining([
        [id("D1"), presales1.id, am.id, "2026-11-26"],
        [id("D2"), presales1.id, am.id, "2026-11-26"],
      ]),
    );
    await s.advance(2 * 60_000);
    const tasks = await s.list("collab_task");
    const byDeal = (key: string) => tasks.find((task) => task.data["deal"] === id(key));
    expect([byDeal("D1")?.data["assignee"], byDeal("D2")?.data["assignee"]]).toEqual([
      presales1.id,
      presales2.id,
    ]);
    expect((await s.notifications(presales2.id)).map((n) => n.title.en)).toContain("New collaboration task");
  });

  it("pre-sales accept their tasks (turnaround 4 and 10 hours)", async () => {
    const tasks = await s.list("collab_task");
    const of = (key: string) => tasks.find((task) => task.data["deal"] === id(key))?.id ?? "";
    await s.advance(4 * HOUR - 2 * 60_000);
    await s.move("collab_task", of("D1"), "accepted", presales1);
    await s.advance(6 * HOUR);
    await s.move("collab_task", of("D2"), "accepted", presales2);
    await s.move("collab_task", of("D1"), "delivered", presales1);
  });

  it("R2 refuses a win until the credit split totals 100 %", async () => {
    await s.move("deal", id("D1"), "negotiation", am);
    await s.patch(
      "deal",
      id("D1"),
      {
        split: [
          { member: am.id, role: "am", share: 0.6 },
          { member: presales1.id, role: "presales", share: 0.3 },
        ],
      },
      am,
    );
    const refused = await s.tryMove("deal", id("D1"), "won", am);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("The credit split must total 100 %");
    await s.patch(
      "deal",
      id("D1"),
      {
        split: [
          { member: am.id, role: "am", share: 0.6 },
          { member: presales1.id, role: "presales", share: 0.3 },
          { member: assistant.id, role: "assistant", share: 0.1 },
        ],
      },
      am,
    );
    await s.move("deal", id("D1"), "won", am);
    await s.move("deal", id("D2"), "negotiation", am);
    await s.patch(
      "deal",
      id("D2"),
      {
        split: [
          { member: am.id, role: "am", share: 0.7 },
          { member: presales1.id, role: "presales", share: 0.3 },
        ],
      },
      am,
    );
    await s.move("deal", id("D2"), "won", am);
    await s.patch("deal", id("D3"), { lost_reason: "no_decision" }, am);
    await s.move("deal", id("D3"), "lost", am);
    expect((await s.get("deal", id("D1"))).data).toMatchObject({
      split_total: 1,
      am_credit: 480000,
      presales_credit: 240000,
    });
  });

  it("C1 stamps the last activity and plans the next follow-up", async () => {
    const f = await s.create(
      "follow_up",
      {
        customer: customerId,
        deal: id("D1"),
        owner: am.id,
        follow_type: "visit",
        status: "planned",
        follow_at: "2026-11-23T19:00:00+08:00",
      },
      am,
    );
    await s.patch(
      "follow_up",
      f.id,
      { status: "done", content: "联合拜访", next_follow_date: "2026-11-30" },
      am,
    );
    await s.settle();
    expect((await s.get("deal", id("D1"))).data["last_activity_at"]).toBe("2026-11-23T11:00:00.000Z");
    expect((await s.get("customer", customerId)).data["last_activity_at"]).toBe("2026-11-23T11:00:00.000Z");
    const planned = (await s.list("follow_up")).filter((x) => x.data["status"] === "planned");
    expect(planned.map((x) => x.data["follow_at"])).toEqual(["2026-11-30T01:00:00.000Z"]);
  });

  it("computes every KPI as counted by hand", async () => {
    const month = { from: "2026-11-01", to: "2026-12-01" };
    const achievement = await s.kpi("team_achievement", { ...month, groupBy: "team" });
    expect(achievement.value).toBeCloseTo(1200000 / 1700000, 6);
    expect(achievement.groups.find((g) => g.key === "team_east")?.value).toBeCloseTo(800000 / 1200000, 6);
    expect(achievement.groups.find((g) => g.key === "team_south")?.value).toBeCloseTo(0.8, 6);
    expect((await s.kpi("task_turnaround", month)).value).toBeCloseTo(7, 6);
    const am_ = await s.kpi("credited_revenue_am", { ...month, groupBy: "owner" });
    expect(am_.groups.map((g) => [g.key, g.value])).toEqual([[am.id, 760000]]);
    const pre = await s.kpi("credited_revenue_presales", { ...month, groupBy: "presales" });
    expect(pre.groups.map((g) => [g.key, g.value])).toEqual([[presales1.id, 360000]]);
    expect((await s.dashboard("team_board")).widgets).toHaveLength(7);
  });
});
