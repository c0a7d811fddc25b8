import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enableRules, kpiValue } from "./group-d-support.js";
import { firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B21 customer-experience: surveys after wins and resolutions (not twice in 30 days), detractors
// open complaints, promoters prompt a referral, complaints past their SLA reach the manager.
describe("customer-experience scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await startScenario("customer-experience", { now: "2026-11-23T01:00:00.000Z" });
    await enableRules(s, ["r1_send_survey"]);
    manager = await s.addUser("Wu Qing");
    rep = await s.addUser("Chen Yang", { managerId: manager.id });
  });
  afterAll(async () => {
    await s.close();
  });

  const surveysOf = async (customer: string) =>
    (await s.list("survey")).filter((r) => r.data["customer"] === ids[customer]);

  it("surveys the customer after a win, but not again within 30 days (R1)", async () => {
    for (const [key, name] of [
      ["c1", "美佳连锁超市"],
      ["c2", "致远软件"],
      ["c3", "瑞康口腔"],
    ] as const) {
      ids[key] = (
        await s.create(
          "customer",
          { customer_name: name, owner: rep.id, region: "east_china", industry: "retail" },
          rep,
        )
      ).id;
    }
    const deal = async (name: string) =>
      (
        await s.create(
          "deal",
          {
            deal_name: name,
            customer: ids["c1"],
            owner: rep.id,
            amount: 180_000,
            expected_close_date: "2026-12-10",
          },
          rep,
        )
      ).id;
    ids["d1"] = await deal("美佳 门店会员系统");
    ids["d2"] = await deal("美佳 供应商门户");
    await s.move("deal", ids["d1"], "won", rep);
    await s.settle();
    const first = await surveysOf("c1");
    expect(first).toHaveLength(1);
    expect(first[0]?.data).toMatchObject({
      owner: rep.id,
      touchpoint: "contract",
      sent_at: "2026-11-23T01:00:00.000Z",
    });
    ids["s1"] = first[0]!.id;
    // The second deal is edited after the survey went out, so it knows the customer was surveyed.
    expect((await s.patch("deal", ids["d2"], { amount: 200_000 }, rep)).data["surveys_last_30d"]).toBe(1);
    await s.move("deal", ids["d2"], "won", rep);
    await s.settle();
    expect(await surveysOf("c1")).toHaveLength(1);
  });

  it("opens a complaint for a detractor and records the customer's NPS (R2)", async () => {
    await s.patch("survey", ids["s1"]!, { nps: 4, csat: 2, comment: "上线延期，培训不够" });
    await s.settle();
    const complaints = await s.list("complaint");
    expect(complaints).toHaveLength(1);
    expect(complaints[0]?.data).toMatchObject({
      customer: ids["c1"],
      category: "detractor",
      severity: "medium",
      owner: rep.id,
      description: "NPS 4：上线延期，培训不够",
      sla_due: "2026-11-24",
    });
    ids["k1"] = complaints[0]!.id;
    expect((await s.get("customer", ids["c1"]!)).data).toMatchObject({
      nps_latest: 4,
      last_survey_at: "2026-11-23T01:00:00.000Z",
    });
    expect((await s.notifications(rep.id)).map((n) => n.title.en)).toContain(
      "A detractor score opened a complaint",
    );
  });

  it("asks a promoter for a referral (R2)", async () => {
    const answer = async (touchpoint: string, nps: number, csat: number) => {
      const survey = await s.create("survey", {
        customer: ids["c2"],
        owner: rep.id,
        touchpoint,
        sent_at: "2026-11-23T01:00:00.000Z",
      });
      await s.patch("survey", survey.id, { nps, csat, comment: "顾问很专业" });
      await s.settle();
    };
    await answer("demo", 10, 5);
    await answer("first_contact", 9, 4);
    await s.settle();
    const referrals = (await s.notifications(rep.id)).filter(
      (n) => n.title.en === "A promoter: ask for a referral",
    );
    expect(referrals).toHaveLength(2);
    expect((await s.get("customer", ids["c2"]!)).data).toMatchObject({ nps_latest: 9 });
    await s.patch("customer", ids["c2"]!, { phone: "010-6500 1234" });
    expect((await s.get("customer", ids["c2"]!)).data["promoter_type"]).toBe("promoter");
  });

  it("refuses to resolve without a root cause and records on-time resolution (R3)", async () => {
    const refused = await s.tryMove("complaint", ids["k1"]!, "resolved", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("root_cause");
    await s.move("complaint", ids["k1"]!, "investigating", rep);
    await s.patch("complaint", ids["k1"]!, { root_cause: "实施排期冲突；已增派顾问并补做培训。" }, rep);
    await s.move("complaint", ids["k1"]!, "resolved", rep);
    await s.settle();
    expect((await s.get("complaint", ids["k1"]!)).data["resolved_on_time"]).toBe("yes");
    // The customer was surveyed this month: no new survey after this resolution.
    expect(await surveysOf("c1")).toHaveLength(1);
  });

  it("tells the manager about complaints still open on their due day (R3)", async () => {
    const complaint = async (customer: string, severity: string, description: string) =>
      (
        await s.create(
          "complaint",
          { customer: ids[customer], category: "product", severity, description, owner: rep.id },
          rep,
        )
      ).id;
    ids["k2"] = await complaint("c2", "high", "预约短信延迟发送");
    ids["k3"] = await complaint("c3", "low", "发票抬头错误");
    await s.advanceTo("2026-11-23T10:05:00.000Z");
    const breaches = () =>
      s.notifications().then((all) => all.filter((n) => n.title.en === "A complaint is past its SLA"));
    expect((await breaches()).map((n) => [n.recordId, n.userId]).sort()).toEqual(
      [
        [ids["k2"], manager.id],
        [ids["k2"], rep.id],
      ].sort(),
    );
    await s.advanceTo("2026-11-24T03:00:00.000Z");
    await s.patch("complaint", ids["k2"], { root_cause: "短信通道限流；已切换备用通道。" }, rep);
    await s.move("complaint", ids["k2"], "resolved", rep);
    await s.advanceTo("2026-11-26T10:05:00.000Z");
    expect((await breaches()).filter((n) => n.recordId === ids["k3"])).toHaveLength(2);
    await s.advanceTo("2026-11-27T02:00:00.000Z");
    await s.patch("complaint", ids["k3"], { root_cause: "开票资料未同步；已重开发票。" }, rep);
    await s.move("complaint", ids["k3"], "resolved", rep);
    await s.settle();
    expect((await s.get("complaint", ids["k2"])).data["resolved_on_time"]).toBe("no");
    expect((await s.get("complaint", ids["k3"])).data["resolved_on_time"]).toBe("no");
    // The third customer had no survey: resolving its complaint sends one (R1).
    const after = await surveysOf("c3");
    expect(after.map((r) => r.data["touchpoint"])).toEqual(["after_sales"]);
    expect(s.webhooks.filter((w) => w.url === "https://survey.example.com/hooks/send")).toHaveLength(4);
  });

  it("stamps the follow-up on customer and deal and plans the next one (C1)", async () => {
    const visit = await s.create(
      "follow_up",
      {
        customer: ids["c1"],
        deal: ids["d1"],
        owner: rep.id,
        follow_type: "return_visit",
        status: "planned",
        follow_at: "2026-11-27T03:00:00.000Z",
      },
      rep,
    );
    await s.patch(
      "follow_up",
      visit.id,
      { status: "done", content: "回访培训效果。", next_follow_date: "2026-12-04" },
      rep,
    );
    await s.settle();
    expect((await s.get("customer", ids["c1"]!)).data["last_activity_at"]).toBe("2026-11-27T03:00:00.000Z");
    expect((await s.get("deal", ids["d1"]!)).data["last_activity_at"]).toBe("2026-11-27T03:00:00.000Z");
    const planned = (await s.list("follow_up")).filter((f) => f.data["status"] === "planned");
    expect(planned.map((f) => f.data["follow_at"])).toEqual(["2026-12-04T01:00:00.000Z"]);
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired, rule.id).toContain(rule.id);
  });

  it("computes the KPIs by hand", async () => {
    const month = ["2026-11-01", "2026-11-30"] as const;
    // Answered: NPS 4 (−100), 10 (+100), 9 (+100); the after-sales survey is unanswered.
    expect(await kpiValue(s, "nps", ...month)).toBe(33.333333);
    const byTouchpoint = await s.kpi("nps", { from: month[0], to: month[1], groupBy: "touchpoint" });
    expect(
      Object.fromEntries(byTouchpoint.groups.filter((g) => g.value !== null).map((g) => [g.key, g.value])),
    ).toEqual({
      contract: -100,
      demo: 100,
      first_contact: 100,
    });
    expect(await kpiValue(s, "csat", ...month)).toBe(3.666667);
    // k1 on time; k2 and k3 late.
    expect(await kpiValue(s, "sla_resolution", ...month)).toBe(0.333333);
    const board = await s.dashboard("experience_board", { from: month[0], to: month[1] });
    expect(board.widgets).toHaveLength(7);
  });
});
