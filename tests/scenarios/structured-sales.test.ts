import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPool } from "./configure.js";
import { DAY, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B1 structured-sales: stage standards load checklists, guards hold the flow, overdue stages
// alert, won deals are handed over to a service pool; every KPI checked against hand counts.
describe("structured-sales scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  let service1: ScenarioUser;
  let service2: ScenarioUser;
  let presales: ScenarioUser;
  let customerId: string;
  let wonId: string;
  let slowId: string;
  const T0 = "2026-11-23T01:00:00.000Z";

  beforeAll(async () => {
    s = await startScenario("structured-sales", { now: T0 });
    manager = await s.addUser("Manager Zhao");
    rep = await s.addUser("Rep Li", { managerId: manager.id });
    service1 = await s.addUser("Service Wu");
    service2 = await s.addUser("Service Zheng");
    presales = await s.addUser("Presales Sun");
    await s.republish((d) => {
      setPool(d, "r3_assign_service", [service1.id, service2.id]);
    });
    const standards: [string, string, number][] = [
      ["development", "sales", 14],
      ["needs_analysis", "presales", 10],
      ["presentation", "presales", 14],
      ["closing", "manager", 21],
    ];
    for (const [stage, role, days] of standards) {
      await s.create("stage_standard", {
        stage,
        items: [{ item: "按公司标准", mandatory: "yes" }],
        responsible_role: role,
        target_days: days,
        conversion_target: 0.5,
      });
    }
    customerId = (
      await s.create(
        "customer",
        { customer_name: "华信精密制造", owner: rep.id, region: "east_china", industry: "manufacturing" },
        rep,
      )
    ).id;
  });
  afterAll(async () => {
    await s.close();
  });

  const deal = (name: string) => ({
    deal_name: name,
    customer: customerId,
    owner: rep.id,
    amount: 500000,
    expected_close_date: "2027-01-31",
  });
  /** Tick every checklist item of the deal done. */
  async function tickAll(id: string, extra: Record<string, unknown> = {}) {
    const current = await s.get("deal", id);
    const rows = (current.data["checklist"] as Record<string, unknown>[]).map((row) => ({
      ...row,
      done: "yes",
    }));
    await s.patch("deal", id, { checklist: rows, ...extra }, rep);
  }

  it("R1 loads the stage's checklist and time target when a deal enters a stage", async () => {
    wonId = (await s.create("deal", deal("华信 MES 产线升级"), rep)).id;
    slowId = (await s.create("deal", deal("华信 设备联网"), rep)).id;
    await s.settle();
    const loaded = await s.get("deal", wonId);
    expect(loaded.data).toMatchObject({
      checklist_stage: "development",
      stage_target_days: 14,
      checklist: [
        { stage: "development", item: "确认客户基本信息与组织架构", mandatory: "yes" },
        { stage: "development", item: "识别关键联系人", mandatory: "no" },
      ],
      open_mandatory_items: 1,
      checklist_completion: 0,
    });
  });

  it("R1 guard refuses the move while a mandatory item is open, naming the missing fields", async () => {
    const refused = await s.tryMove("deal", wonId, "needs_analysis", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("needs_doc");
    expect(refused.body).toContain("mandatory checklist items");
    await s.patch("deal", wonId, { needs_doc: "统一线索与合同管理，预算 50 万已批复。" }, rep);
    expect((await s.tryMove("deal", wonId, "needs_analysis", rep)).statusCode).toBe(422);
    s.rt.clock.advance(DAY);
    await tickAll(wonId);
    await s.move("deal", wonId, "needs_analysis", rep);
    await s.settle();
    expect((await s.get("deal", wonId)).data).toMatchObject({
      checklist_stage: "needs_analysis",
      stage_target_days: 10,
      open_mandatory_items: 2,
    });
    await tickAll(slowId, { needs_doc: "设备联网需求待细化。", stage_owner: presales.id });
    await s.move("deal", slowId, "needs_analysis", rep);
    await s.settle();
  });

  it("moves the deal through presentation and closing to won", async () => {
    const refused = await s.tryMove("deal", wonId, "presentation", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("proposal_file");
    s.rt.clock.advance(2 * DAY);
    await tickAll(wonId, { proposal_file: [{ id: "f1", name: "方案.pdf", mime: "application/pdf" }] });
    await s.move("deal", wonId, "presentation", rep);
    await s.settle();
    s.rt.clock.advance(3 * DAY);
    await tickAll(wonId);
    await s.move("deal", wonId, "closing", rep);
    await s.settle();
    expect((await s.get("deal", wonId)).data).toMatchObject({
      checklist_stage: "closing",
      stage_target_days: 21,
    });
    s.rt.clock.advance(4 * DAY);
    expect((await s.tryMove("deal", wonId, "won", rep)).statusCode).toBe(422);
    await tickAll(wonId);
    await s.move("deal", wonId, "won", rep);
    await s.settle();
  });

  it("R3 hands a won deal over and assigns it round-robin to the service pool", async () => {
    const [handover] = await s.list("service_handover");
    expect(handover?.data).toMatchObject({ deal: wonId, service_owner: rep.id, handover_date: "2026-12-06" });
    expect(String(handover?.data["deliverables"])).toContain("华信 MES 产线升级");
    await s.advance(2 * 60_000);
    const assigned = await s.get("service_handover", handover?.id ?? "");
    expect(assigned.ownerId).toBe(service1.id);
    expect(assigned.data["service_owner"]).toBe(service1.id);
    expect((await s.notifications(service1.id)).map((n) => n.title.en)).toContain("New service handover");
  });

  it("R2 tells owner, stage owner and manager when a deal stays past the stage's time target", async () => {
    // slowId entered needs_analysis on Nov 24 (target 10 days): 9 days so far, 11 on Dec 5.
    expect((await s.notifications(manager.id)).map((n) => n.title.en)).not.toContain(
      "Deal past its stage time target",
    );
    await s.advanceTo("2026-12-05T02:00:00.000Z");
    for (const user of [rep, presales, manager]) {
      const titles = (await s.notifications(user.id))
        .filter((n) => n.recordId === slowId)
        .map((n) => n.title.en);
      expect(titles, user.email).toContain("Deal past its stage time target");
    }
  });

  it("C1 stamps the last activity and plans the next follow-up", async () => {
    const followUp = await s.create(
      "follow_up",
      {
        customer: customerId,
        deal: slowId,
        owner: rep.id,
        follow_type: "visit",
        status: "planned",
        follow_at: "2026-12-05T10:00:00+08:00",
      },
      rep,
    );
    await s.patch(
      "follow_up",
      followUp.id,
      { status: "done", content: "现场调研产线", next_follow_date: "2026-12-12" },
      rep,
    );
    await s.settle();
    expect((await s.get("deal", slowId)).data["last_activity_at"]).toBe("2026-12-05T02:00:00.000Z");
    expect((await s.get("customer", customerId)).data["last_activity_at"]).toBe("2026-12-05T02:00:00.000Z");
    const planned = (await s.list("follow_up")).filter((f) => f.data["status"] === "planned");
    expect(planned.map((f) => f.data["follow_at"])).toEqual(["2026-12-12T01:00:00.000Z"]);
  });

  it("computes every KPI as counted by hand", async () => {
    const year = { from: "2026-01-01", to: "2027-01-01" };
    // Two deals entered development, one reached won; both entered needs_analysis, one presentation.
    expect((await s.kpi("stage_conversion", year)).value).toBeCloseTo(0.5, 6);
    expect((await s.kpi("needs_to_presentation", year)).value).toBeCloseTo(0.5, 6);
    // Finished stints: won deal 1 + 2 + 3 + 4 days, the slow deal 1 day in development.
    expect((await s.kpi("stage_days", year)).value).toBeCloseTo(11 / 5, 6);
    expect((await s.kpi("closing_days", year)).value).toBeCloseTo(4, 6);
    // The won deal's checklist is all done (1), the slow deal's needs-analysis list untouched (0).
    expect((await s.kpi("checklist_compliance", year)).value).toBeCloseTo(0.5, 6);
    const board = await s.dashboard("process_cockpit");
    expect(board.widgets).toHaveLength(8);
  });
});
