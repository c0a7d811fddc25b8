import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setWebhook } from "./configure.js";
import { DAY, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B2 agile-sales: a sprint with won deals and experiments, feature-gap feedback posted to product,
// overdue next actions, the sprint's end opening the next one; KPIs checked against hand counts.
describe("agile-sales scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  let sprintId: string;
  let customerId: string;
  const deals: string[] = [];
  const BACKLOG = "https://product.example.com/hooks/backlog";

  beforeAll(async () => {
    s = await startScenario("agile-sales", { now: "2026-11-23T01:00:00.000Z" });
    manager = await s.addUser("Manager Qian");
    rep = await s.addUser("Rep Zhou", { managerId: manager.id });
    await s.republish((d) => {
      setWebhook(d, "r2_feature_gap_to_product", BACKLOG);
    });
    sprintId = (
      await s.create(
        "sprint",
        {
          name: "冲刺 1 · 教育行业",
          start_date: "2026-11-16",
          end_date: "2026-11-29",
          sprint_target: 200000,
        },
        rep,
      )
    ).id;
    await s.move("sprint", sprintId, "active", rep);
    customerId = (
      await s.create("customer", { customer_name: "明德在线教育", owner: rep.id, region: "southwest" }, rep)
    ).id;
    const plan: [string, number, string][] = [
      ["明德 招生线索管理", 100000, "2026-12-20"],
      ["明德 教务排课", 50000, "2026-12-20"],
      ["明德 家校通", 30000, "2026-12-20"],
      ["明德 题库", 40000, "2026-11-25"],
      ["明德 直播课", 20000, "2027-01-10"],
    ];
    for (const [name, amount, next] of plan) {
      const deal = await s.create(
        "deal",
        {
          deal_name: name,
          customer: customerId,
          owner: rep.id,
          amount,
          expected_close_date: "2026-12-31",
          sprint: sprintId,
          next_action_date: next,
        },
        rep,
      );
      deals.push(deal.id);
    }
    await s.settle();
  });
  afterAll(async () => {
    await s.close();
  });

  const dealId = (i: number) => deals[i] ?? "";

  it("moves deals through the light flow; lost needs a reason; won deals fill the sprint's actual", async () => {
    for (const i of [0, 1, 2]) {
      await s.move("deal", dealId(i), "engaged", rep);
    }
    await s.move("deal", dealId(0), "trial", rep);
    await s.advance(2 * DAY);
    await s.move("deal", dealId(0), "won", rep);
    const refused = await s.tryMove("deal", dealId(2), "lost", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("lost_reason");
    await s.patch("deal", dealId(2), { lost_reason: "timing" }, rep);
    await s.move("deal", dealId(2), "lost", rep);
    await s.settle();
    expect((await s.get("sprint", sprintId)).data).toMatchObject({ actual: 100000, achievement: 0.5 });
  });

  it("R1 tells the owner the day after a next action date passed", async () => {
    // Deal 3's next action was due on Nov 25: R1 runs on Nov 26 at 09:00.
    await s.advance(2 * DAY);
    const overdue = (await s.notifications(rep.id)).filter((n) => n.title.en === "Next action overdue");
    expect(overdue.map((n) => n.recordId)).toEqual([dealId(3)]);
    await s.move("deal", dealId(1), "won", rep);
    await s.settle();
    expect((await s.get("sprint", sprintId)).data).toMatchObject({ actual: 150000, achievement: 0.75 });
  });

  it("R2 posts to the product backlog on the fifth feature gap within 14 days", async () => {
    for (const i of [0, 1, 2, 3]) {
      await s.patch("deal", dealId(i), { feedback_tags: ["feature_gap"] }, rep);
      await s.settle();
    }
    expect(s.webhooks).toHaveLength(0);
    await s.patch("deal", dealId(4), { feedback_tags: ["feature_gap", "price"] }, rep);
    await s.settle();
    expect(s.webhooks.map((w) => w.url)).toEqual([BACKLOG]);
    expect(String(s.webhooks[0]?.body)).toContain("5");
    expect((await s.get("deal", dealId(4))).data["recent_feature_gaps"]).toBe(5);
  });

  it("records experiments; an evaluation needs a decision", async () => {
    const make = (hypothesis: string, tactic: string) =>
      s.create("experiment", { sprint: sprintId, hypothesis, tactic, owner: rep.id }, rep);
    const adopt = await make("先试用后报价，提高转化", "offer");
    const iterate = await make("阶梯定价", "pricing");
    const dropped = await make("协会渠道获客", "channel");
    const refused = await s.tryMove("experiment", adopt.id, "evaluated", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("decision");
    await s.patch("experiment", adopt.id, { decision: "adopt", result: 12 }, rep);
    await s.move("experiment", adopt.id, "evaluated", rep);
    await s.patch("experiment", iterate.id, { decision: "iterate", result: 3 }, rep);
    await s.move("experiment", iterate.id, "evaluated", rep);
    await s.move("experiment", dropped.id, "dropped", rep);
  });

  it("R3 opens the next sprint on the end date and moves to retro once the retro is written", async () => {
    await s.advanceTo("2026-11-29T01:05:00.000Z");
    const next = (await s.list("sprint")).filter((r) => r.id !== sprintId);
    expect(next.map((r) => r.data)).toEqual([
      expect.objectContaining({
        start_date: "2026-11-30",
        end_date: "2026-12-13",
        sprint_target: 200000,
        actual: 0,
      }),
    ]);
    expect((await s.notifications(rep.id)).map((n) => n.title.en)).toContain(
      "Sprint ends today: fill in the retro",
    );
    await s.patch("sprint", sprintId, { retro_keep: "每日同步试用反馈" }, rep);
    await s.settle();
    expect((await s.get("sprint", sprintId)).stage).toBe("active");
    await s.patch("sprint", sprintId, { retro_change: "报价前确认预算" }, rep);
    await s.settle();
    expect((await s.get("sprint", sprintId)).stage).toBe("retro");
    await s.move("sprint", sprintId, "closed", rep);
  });

  it("C1 stamps the last activity and plans the next follow-up", async () => {
    const followUp = await s.create(
      "follow_up",
      {
        customer: customerId,
        deal: dealId(4),
        owner: rep.id,
        follow_type: "wechat",
        status: "planned",
        follow_at: "2026-11-29T10:00:00+08:00",
      },
      rep,
    );
    await s.patch(
      "follow_up",
      followUp.id,
      { status: "done", content: "确认直播课试用反馈", next_follow_date: "2026-12-02" },
      rep,
    );
    await s.settle();
    expect((await s.get("deal", dealId(4))).data["last_activity_at"]).toBe("2026-11-29T02:00:00.000Z");
    expect((await s.get("customer", customerId)).data["last_activity_at"]).toBe("2026-11-29T02:00:00.000Z");
    const planned = (await s.list("follow_up")).filter((f) => f.data["status"] === "planned");
    expect(planned.map((f) => f.data["follow_at"])).toEqual(["2026-12-02T01:00:00.000Z"]);
  });

  it("computes every KPI as counted by hand", async () => {
    const year = { from: "2026-01-01", to: "2027-01-01" };
    // Sprint 1: 150 000 of 200 000; the next sprint: 0 of 200 000.
    expect((await s.kpi("sprint_achievement", year)).value).toBeCloseTo(150000 / 400000, 6);
    // Two experiments evaluated, one adopted.
    expect((await s.kpi("experiment_adoption", year)).value).toBeCloseTo(0.5, 6);
    // Won after 2 days (deal 0) and 4 days (deal 1), both in sprint 1.
    const cycle = await s.kpi("cycle_days", { ...year, groupBy: "sprint" });
    expect(cycle.value).toBeCloseTo(3, 6);
    expect(cycle.groups).toEqual([expect.objectContaining({ key: sprintId, value: 3 })]);
    const board = await s.dashboard("sprint_board");
    expect(board.widgets).toHaveLength(7);
  });
});
