import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kpiValue } from "./group-d-support.js";
import { firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B23 cross-department: requests routed by department with an SLA, feasibility gates a custom
// proposal, a win creates the handover (and the ERP order), returned handovers are counted.
describe("cross-department scenario", () => {
  let s: Scenario;
  let rep: ScenarioUser;
  let productHead: ScenarioUser;
  let product: ScenarioUser;
  let financeHead: ScenarioUser;
  let finance: ScenarioUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await startScenario("cross-department", { now: "2026-11-23T01:00:00.000Z" });
    const salesHead = await s.addUser("Guo Tao");
    rep = await s.addUser("Ma Li", { managerId: salesHead.id });
    productHead = await s.addUser("Yang Fan");
    product = await s.addUser("He Jing", { managerId: productHead.id });
    financeHead = await s.addUser("Shen Hua");
    finance = await s.addUser("Xu Min", { managerId: financeHead.id });
    await s.republish((definition) => {
      for (const rule of definition.rules ?? []) {
        if (rule.id === "r4_erp_order") rule.enabled = true;
        const assign = rule.actions[0];
        if (
          rule.id === "r1_route_request" &&
          assign?.type === "assign_owner" &&
          assign.strategy.type === "by_field"
        ) {
          assign.strategy.map = [
            { value: "product", userId: product.id },
            { value: "finance", userId: finance.id },
          ];
        }
      }
    });
  });
  afterAll(async () => {
    await s.close();
  });

  const deal = async (key: string, name: string, complexity: string, amount: number) => {
    ids[key] = (
      await s.create(
        "deal",
        {
          deal_name: name,
          customer: ids["customer"],
          owner: rep.id,
          amount,
          expected_close_date: "2026-12-20",
          complexity,
        },
        rep,
      )
    ).id;
  };
  const request = async (key: string, to_dept: string, request_type: string, description: string) => {
    ids[key] = (
      await s.create(
        "dept_request",
        { deal: ids["d1"], to_dept, request_type, description, requester: rep.id },
        rep,
      )
    ).id;
  };

  it("refuses the proposal of a custom deal before feasibility is approved (R3)", async () => {
    ids["customer"] = (
      await s.create("customer", { customer_name: "中车配件", owner: rep.id, region: "north_china" }, rep)
    ).id;
    await deal("d1", "中车配件 MES 定制", "custom", 680_000);
    await s.move("deal", ids["d1"]!, "solution_design", rep);
    const refused = await s.tryMove("deal", ids["d1"]!, "proposal", rep);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("A custom solution needs an approved feasibility review");
  });

  it("routes requests by department and writes the feasibility verdict to the deal (R1)", async () => {
    await request("feasibility", "product", "feasibility", "产线数据采集需对接 3 种 PLC");
    await request("pricing", "finance", "pricing_approval", "定制开发报价低于折扣线 8%");
    await s.settle();
    expect((await s.get("dept_request", ids["feasibility"]!)).ownerId).toBe(product.id);
    expect((await s.get("dept_request", ids["pricing"]!)).ownerId).toBe(finance.id);
    expect((await s.notifications(product.id)).map((n) => n.recordId)).toEqual([ids["feasibility"]]);
    expect((await s.notifications(finance.id)).map((n) => n.recordId)).toEqual([ids["pricing"]]);
    expect((await s.get("deal", ids["d1"]!)).data["feasibility"]).toBe("pending");

    await s.advanceTo("2026-11-23T05:00:00.000Z");
    await s.move("dept_request", ids["feasibility"]!, "accepted", product);
    const noResponse = await s.tryMove("dept_request", ids["feasibility"]!, "answered", product);
    expect(noResponse.statusCode).toBe(422);
    expect(noResponse.body).toContain("response");
    await s.patch(
      "dept_request",
      ids["feasibility"]!,
      { response: "支持 S7 与 Modbus，第三种需外采网关。" },
      product,
    );
    const noVerdict = await s.tryMove("dept_request", ids["feasibility"]!, "answered", product);
    expect(noVerdict.body).toContain("A feasibility request needs a verdict");
    await s.patch("dept_request", ids["feasibility"]!, { feasibility_result: "approved" }, product);
    await s.move("dept_request", ids["feasibility"]!, "answered", product);
    await s.settle();
    expect((await s.get("deal", ids["d1"]!)).data["feasibility"]).toBe("approved");
    expect((await s.get("dept_request", ids["feasibility"]!)).data["answered_on_time"]).toBe("yes");
  });

  it("tells the department head and requester on the due day (R2)", async () => {
    await s.advanceTo("2026-11-24T10:05:00.000Z");
    const overdue = (await s.notifications()).filter(
      (n) => n.title.en === "A cross-department request is overdue",
    );
    expect(overdue.map((n) => [n.recordId, n.userId]).sort()).toEqual(
      [
        [ids["pricing"], financeHead.id],
        [ids["pricing"], rep.id],
      ].sort(),
    );
    await s.advanceTo("2026-11-25T02:00:00.000Z");
    await s.patch("dept_request", ids["pricing"]!, { response: "同意，需预付 40%。" }, finance);
    await s.move("dept_request", ids["pricing"]!, "answered", finance);
    await s.settle();
    expect((await s.get("dept_request", ids["pricing"]!)).data["answered_on_time"]).toBe("no");
  });

  it("creates the handover and the ERP order on a win (R4)", async () => {
    await s.move("deal", ids["d1"]!, "proposal", rep);
    await s.move("deal", ids["d1"]!, "won", rep);
    await deal("d2", "中车配件 仓储标准版", "standard", 120_000);
    await s.move("deal", ids["d2"]!, "proposal", rep);
    await s.move("deal", ids["d2"]!, "won", rep);
    await s.settle();
    const handovers = await s.list("handover");
    expect(handovers.map((h) => h.data["deal"]).sort()).toEqual([ids["d1"], ids["d2"]].sort());
    expect(handovers.find((h) => h.data["deal"] === ids["d1"])?.data).toMatchObject({
      to_dept: "delivery",
      scope: "交付范围 Scope：中车配件 MES 定制（金额 680000）",
      return_count: 0,
    });
    const erp = s.webhooks.filter((w) => w.url === "https://erp.example.com/hooks/sales-order");
    expect(erp.map((w) => w.body).sort()).toEqual(
      [
        `deal:${ids["d1"]}|customer:${ids["customer"]}|amount:680000`,
        `deal:${ids["d2"]}|customer:${ids["customer"]}|amount:120000`,
      ].sort(),
    );
    expect(
      (await s.notifications(rep.id)).filter((n) => n.title.en.startsWith("Handover created")),
    ).toHaveLength(2);
  });

  it("counts a returned handover and accepts it only with a receiver", async () => {
    const handovers = await s.list("handover");
    const first = handovers.find((h) => h.data["deal"] === ids["d1"])!.id;
    const second = handovers.find((h) => h.data["deal"] === ids["d2"])!.id;
    await s.move("handover", first, "submitted", rep);
    const noReason = await s.tryMove("handover", first, "returned");
    expect(noReason.body).toContain("return_reason");
    await s.patch("handover", first, { return_reason: "缺少 PLC 型号清单。" });
    await s.move("handover", first, "returned");
    await s.settle();
    expect((await s.get("handover", first)).data["return_count"]).toBe(1);
    expect(
      (await s.notifications(rep.id)).filter((n) => n.title.en === "A handover was returned"),
    ).toHaveLength(1);
    await s.move("handover", first, "submitted", rep);
    const noReceiver = await s.tryMove("handover", first, "accepted");
    expect(noReceiver.body).toContain("received_by");
    await s.patch("handover", first, { received_by: productHead.id });
    await s.move("handover", first, "accepted");
    await s.move("handover", second, "submitted", rep);
    await s.patch("handover", second, { received_by: productHead.id });
    await s.move("handover", second, "accepted");
  });

  it("stamps the follow-up on customer and deal and plans the next one (C1)", async () => {
    const visit = await s.create(
      "follow_up",
      {
        customer: ids["customer"],
        deal: ids["d1"],
        owner: rep.id,
        follow_type: "meeting",
        status: "planned",
        follow_at: "2026-11-25T03:00:00.000Z",
      },
      rep,
    );
    await s.patch(
      "follow_up",
      visit.id,
      { status: "done", content: "三方对齐交付计划。", next_follow_date: "2026-12-02" },
      rep,
    );
    await s.settle();
    expect((await s.get("customer", ids["customer"]!)).data["last_activity_at"]).toBe(
      "2026-11-25T03:00:00.000Z",
    );
    expect((await s.get("deal", ids["d1"]!)).data["last_activity_at"]).toBe("2026-11-25T03:00:00.000Z");
    const planned = (await s.list("follow_up")).filter((f) => f.data["status"] === "planned");
    expect(planned.map((f) => f.data["follow_at"])).toEqual(["2026-12-02T01:00:00.000Z"]);
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired, rule.id).toContain(rule.id);
  });

  it("computes the KPIs by hand", async () => {
    const month = ["2026-11-01", "2026-11-30"] as const;
    // Feasibility answered on time, pricing late.
    expect(await kpiValue(s, "sla_attainment", ...month)).toBe(0.5);
    // Feasibility: 01:00 → 05:00 (4 h); pricing: 11-23 01:00 → 11-25 02:00 (49 h).
    expect(await kpiValue(s, "response_hours", ...month)).toBe(26.5);
    const byDept = await s.kpi("response_hours", { from: month[0], to: month[1], groupBy: "to_dept" });
    expect(Object.fromEntries(byDept.groups.map((g) => [g.key, g.value]))).toEqual({
      product: 4,
      finance: 49,
    });
    // Of two accepted handovers one was returned once.
    expect(await kpiValue(s, "handover_first_pass", ...month)).toBe(0.5);
    const board = await s.dashboard("collaboration_board", { from: month[0], to: month[1] });
    expect(board.widgets).toHaveLength(7);
  });
});
