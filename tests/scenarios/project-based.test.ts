import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliedRules, failedRuns, file } from "./applied-rules.js";
import { startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B11 project-based: bid reviews decide go/no-go; a ¥2.6 M bid waits for the sales manager's
// approval (202) while smaller bids go through; a win creates milestones and calls the delivery
// PM tool; team bookings feed the load; every rule and KPI checked.
describe("project-based scenario", () => {
  let s: Scenario;
  let director: ScenarioUser;
  let rep: ScenarioUser;
  let pm: ScenarioUser;
  let engineer: ScenarioUser;
  let customer: string;
  const deals: Record<string, string> = {};

  const titles = async (user: ScenarioUser) => (await s.notifications(user.id)).map((n) => n.title.zh);
  const createDeal = async (key: string, deal_name: string, amount: number, tender_no?: string) => {
    deals[key] = (
      await s.create(
        "deal",
        {
          deal_name,
          customer,
          owner: rep.id,
          amount,
          expected_close_date: "2027-03-31",
          ...(tender_no ? { tender_no } : {}),
        },
        rep,
      )
    ).id;
  };
  const review = async (key: string, decision: string) => {
    const row = (await s.list("bid_review")).find((r) => r.data["deal"] === deals[key]);
    if (row === undefined) throw new Error(`no review for ${key}`);
    await s.patch(
      "bid_review",
      row.id,
      {
        strategic_fit: decision === "go" ? 4 : 2,
        win_probability: decision === "go" ? 0.4 : 0.1,
        capacity_ok: decision === "go" ? "yes" : "no",
        decision,
        approver: director.id,
      },
      director,
    );
    await s.move("bid_review", row.id, "decided", director);
    await s.settle();
  };
  const team = (...members: [ScenarioUser, string, number][]) =>
    members.map(([user, role, allocation]) => ({ member: user.id, role, allocation }));
  /** Review (go), team, documents, submit: for bids under the approval threshold. */
  const submit = async (key: string, members: ReturnType<typeof team>) => {
    await s.move("deal", deals[key]!, "bid_review", rep);
    await s.settle();
    await review(key, "go");
    await s.patch(
      "deal",
      deals[key]!,
      { project_team: members, tender_docs: file(`tender_${key}`, "投标文件.zip") },
      rep,
    );
    await s.move("deal", deals[key]!, "solution_design", rep);
    expect((await s.move("deal", deals[key]!, "bid_submitted", rep)).stage).toBe("bid_submitted");
    await s.settle();
  };

  beforeAll(async () => {
    s = await startScenario("project-based", { now: "2026-11-23T01:00:00.000Z" });
    director = await s.addUser("Director Qian");
    rep = await s.addUser("Rep Zhou", { role: "member", managerId: director.id });
    pm = await s.addUser("PM Wu", { role: "member", managerId: director.id });
    engineer = await s.addUser("Engineer Zheng", { role: "member", managerId: director.id });
    customer = (
      await s.create(
        "customer",
        { customer_name: "港务集团", owner: rep.id, region: "east_china", industry: "public_sector" },
        rep,
      )
    ).id;
    await createDeal("big", "港务集团 堆场调度系统", 2_600_000);
    await createDeal("metro", "港务集团 智能闸口", 880_000, "ZB-2026-118");
    await createDeal("mid", "港务集团 视频监控扩容", 650_000, "ZB-2026-121");
    await createDeal("school", "港务集团 员工一卡通", 450_000, "ZB-2026-123");
  });
  afterAll(async () => {
    await s.close();
  });

  it("R1 opens a bid review (tender number required) and tells the sales director", async () => {
    const refused = await s.tryMove("deal", deals["big"]!, "bid_review", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("tender_no");
    await s.patch("deal", deals["big"]!, { tender_no: "ZB-2026-117" }, rep);
    await s.move("deal", deals["big"]!, "bid_review", rep);
    await s.settle();
    const reviews = await s.list("bid_review");
    expect(reviews.map((r) => [r.data["deal"], r.stage])).toEqual([[deals["big"], "open"]]);
    expect(await titles(director)).toEqual(["有项目待投标评审"]);
  });

  it("keeps the project out of solution design until the review says go, with a team", async () => {
    const early = await s.tryMove("deal", deals["big"]!, "solution_design", rep);
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain("project_team");
    expect(early.body).toContain("guard_failed");
    const row = (await s.list("bid_review"))[0]!;
    const undecided = await s.tryMove("bid_review", row.id, "decided", director);
    expect(undecided.statusCode).toBe(422);
    for (const field of ["strategic_fit", "win_probability", "capacity_ok", "decision", "approver"])
      expect(undecided.body).toContain(field);
    await review("big", "go");
    expect((await s.get("deal", deals["big"]!)).data["go_decision"]).toBe("go");
    await s.patch(
      "deal",
      deals["big"]!,
      { project_team: team([pm, "pm", 0.5], [rep, "sales", 0.3], [engineer, "engineer", 0.6]) },
      rep,
    );
    expect((await s.move("deal", deals["big"]!, "solution_design", rep)).stage).toBe("solution_design");
    await s.settle();
  });

  it("asks the sales manager to approve a ¥2.6 M bid: 202, the project waits for the approval", async () => {
    const noDocs = await s.tryMove("deal", deals["big"]!, "bid_submitted", rep);
    expect(noDocs.statusCode).toBe(422);
    expect(noDocs.body).toContain("tender_docs");
    await s.patch("deal", deals["big"]!, { tender_docs: file("tender_big", "堆场调度投标文件.zip") }, rep);
    const pending = await s.tryMove("deal", deals["big"]!, "bid_submitted", rep);
    expect(pending.statusCode).toBe(202);
    const { approvalId } = pending.json<{ approvalId: unknown }>();
    expect(typeof approvalId).toBe("string");
    expect((await s.get("deal", deals["big"]!)).stage).toBe("solution_design");
    // Only the rep's manager decides; the approval then makes the move.
    const decide = (as: ScenarioUser) =>
      s.rt.call("POST", `/api/approvals/${String(approvalId)}/decision`, as.token, {
        decision: "approve",
        comment: "同意投标",
      });
    expect((await decide(rep)).statusCode).toBe(403);
    expect((await decide(director)).statusCode).toBe(200);
    expect((await s.get("deal", deals["big"]!)).stage).toBe("bid_submitted");
  });

  it("R2 turns a no-go review into a lost deal (no bid)", async () => {
    await s.move("deal", deals["school"]!, "bid_review", rep);
    await s.settle();
    await review("school", "no_go");
    const school = await s.get("deal", deals["school"]!);
    expect(school.stage).toBe("lost");
    expect(school.data).toMatchObject({ go_decision: "no_go", lost_reason: "no_bid" });
  });

  it("R3 creates the milestones of a won bid, calls the delivery PM and releases the team", async () => {
    await submit("metro", team([pm, "pm", 0.4], [engineer, "engineer", 0.3]));
    await submit("mid", team([pm, "pm", 0.2]));
    expect((await s.move("deal", deals["metro"]!, "won", rep)).stage).toBe("won");
    await s.patch("deal", deals["mid"]!, { lost_reason: "competitor" }, rep);
    await s.move("deal", deals["mid"]!, "lost", rep);
    await s.settle();
    const milestones = (await s.list("milestone")).map((m) => [
      m.data["name"],
      m.data["due_date"],
      m.data["payment_share"],
      m.data["owner"],
      m.data["status"],
    ]);
    expect(milestones.sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      ["项目启动会", "2026-12-07", 0.3, rep.id, "open"],
      ["系统上线验收", "2027-02-21", 0.5, rep.id, "open"],
      ["终验与质保启动", "2027-05-22", 0.2, rep.id, "open"],
    ]);
    expect(s.webhooks).toHaveLength(1);
    const hook = s.definition.rules
      ?.find((r) => r.id === "r3_milestones")
      ?.actions.find((a) => a.type === "webhook");
    expect(hook?.type === "webhook" && hook.url).toBe("https://delivery-pm.example.com/hooks/project-won");
    expect(s.webhooks[0]).toMatchObject({
      url: "https://delivery-pm.example.com/hooks/project-won",
      method: "POST",
    });
    expect(s.webhooks[0]!.body).toMatchObject({
      _id: deals["metro"],
      deal_name: "港务集团 智能闸口",
      tender_no: "ZB-2026-118",
      amount: 880_000,
    });
    const assignments = await s.list("team_assignment");
    const active = assignments.filter((a) => a.data["released"] === "no").map((a) => a.data["deal"]);
    expect(assignments).toHaveLength(6);
    expect(new Set(active)).toEqual(new Set([deals["big"]]));
  });

  it("flags a milestone past its due date and tells its owner and the manager", async () => {
    const all = await s.list("milestone");
    const kickoff = all.find((m) => m.data["name"] === "项目启动会")!;
    const acceptance = all.find((m) => m.data["name"] === "系统上线验收")!;
    await s.advanceTo("2026-12-04T02:00:00.000Z");
    await s.patch("milestone", kickoff.id, { status: "done", done_on: "2026-12-04" }, rep);
    // The customer moved the acceptance forward; it is then missed.
    await s.patch("milestone", acceptance.id, { due_date: "2026-12-10" }, rep);
    await s.advanceTo("2026-12-11T01:30:00.000Z");
    expect((await s.get("milestone", acceptance.id)).data["status"]).toBe("late");
    expect((await s.get("milestone", kickoff.id)).data["status"]).toBe("done");
    expect(await titles(rep)).toContain("里程碑已逾期");
    expect(await titles(director)).toContain("里程碑已逾期");
  });

  it("fired every rule it had cause to, without a failure", async () => {
    const runs = await s.runs();
    expect(failedRuns(runs)).toEqual([]);
    // Teams had three members at most: the bookings for members 4–6 had nobody to book.
    expect(appliedRules(runs)).toEqual(
      new Set([
        "r1_open_bid_review",
        "r2_record_decision",
        "r2_no_bid",
        "r3_book_team_1",
        "r3_book_team_2",
        "r3_book_team_3",
        "r3_release_team",
        "r3_milestones",
        "r4_milestone_late",
      ]),
    );
  });

  it("computes each KPI as counted by hand", async () => {
    const year = { from: "2026-01-01", to: "2027-01-01" };
    // Three bids submitted (智能闸口 won, 视频监控 lost, the approved ¥2.6 M bid still open).
    expect((await s.kpi("bid_win_rate", year)).value).toBeCloseTo(1 / 3, 6);
    // Kick-off done on time, acceptance late (the third milestone is open and due in 2027).
    expect((await s.kpi("milestone_on_time", year)).value).toBe(0.5);
    const load = await s.kpi("team_load", { ...year, groupBy: "member" });
    expect(load.value).toBeCloseTo(1.4, 6);
    const byMember = Object.fromEntries(load.groups.map((g) => [g.key, g.value]));
    expect(byMember).toEqual({ [pm.id]: 0.5, [rep.id]: 0.3, [engineer.id]: 0.6 });
    expect((await s.dashboard("project_board")).widgets).toHaveLength(6);
  });
});
