import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enableRules, kpiValue } from "./group-d-support.js";
import { firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// B24 digital-sales: won deals go to the ERP and e-signature, silent integrations are marked
// failing, a phase goes live only after training and migration, weekly adoption is scored.
describe("digital-sales scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  let rep2: ScenarioUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await startScenario("digital-sales", { now: "2026-11-23T01:00:00.000Z" });
    await enableRules(s, ["r1_won_to_erp_and_esign"]);
    manager = await s.addUser("Lin Feng");
    rep = await s.addUser("Jiang Yue", { managerId: manager.id });
    rep2 = await s.addUser("Song Kai", { managerId: manager.id });
  });
  afterAll(async () => {
    await s.close();
  });

  const integration = async (
    key: string,
    system_name: string,
    status: string,
    ok: number,
    failed: number,
  ) => {
    ids[key] = (
      await s.create("integration", {
        system_name,
        system_type: "erp",
        direction: "outbound",
        events: ["deal_won"],
        owner: rep.id,
        status,
        success_count: ok,
        failure_count: failed,
      })
    ).id;
  };

  it("goes live only after training and data migration (R3)", async () => {
    const phase = await s.create("rollout_phase", {
      phase_no: 1,
      modules: ["customer", "follow_up"],
      go_live: "2026-12-01",
    });
    expect(phase.data).toMatchObject({ training_done: "no", data_migrated: "no" });
    for (const stage of ["configuring", "training"]) await s.move("rollout_phase", phase.id, stage);
    const early = await s.tryMove("rollout_phase", phase.id, "live");
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain("Training and data migration must be done before going live");
    await s.patch("rollout_phase", phase.id, { training_done: "yes", data_migrated: "yes" });
    await s.move("rollout_phase", phase.id, "live");
    await s.move("rollout_phase", phase.id, "reviewed");
  });

  it("sends won deals to the ERP and e-signature, and tracks the online trail (R1, C1)", async () => {
    await integration("erp", "用友 U8 ERP", "live", 98, 2);
    await integration("finance", "金蝶云财务", "live", 50, 0);
    await integration("im", "企业微信机器人", "testing", 0, 0);
    ids["customer"] = (
      await s.create("customer", { customer_name: "蓝海国际物流", owner: rep.id, region: "east_china" }, rep)
    ).id;
    const deal = async (name: string, signed_online: string) =>
      (
        await s.create(
          "deal",
          {
            deal_name: name,
            customer: ids["customer"],
            owner: rep.id,
            amount: 150_000,
            expected_close_date: "2026-12-15",
            signed_online,
          },
          rep,
        )
      ).id;
    ids["d1"] = await deal("蓝海 报关单据线上化", "yes");
    ids["d2"] = await deal("蓝海 运费结算", "no");
    const visit = await s.create(
      "follow_up",
      {
        customer: ids["customer"],
        deal: ids["d1"],
        owner: rep.id,
        follow_type: "wechat",
        status: "planned",
        follow_at: "2026-11-23T06:00:00.000Z",
      },
      rep,
    );
    await s.patch(
      "follow_up",
      visit.id,
      { status: "done", content: "企业微信确认合同条款。", next_follow_date: "2026-11-27" },
      rep,
    );
    await s.settle();
    expect((await s.get("customer", ids["customer"])).data["last_activity_at"]).toBe(
      "2026-11-23T06:00:00.000Z",
    );
    expect((await s.get("deal", ids["d1"])).data).toMatchObject({
      last_activity_at: "2026-11-23T06:00:00.000Z",
      online_trail: true,
    });
    const planned = (await s.list("follow_up")).filter((f) => f.data["status"] === "planned");
    expect(planned.map((f) => f.data["follow_at"])).toEqual(["2026-11-27T01:00:00.000Z"]);
    const lost = await s.tryMove("deal", ids["d2"], "lost", rep);
    expect(lost.body).toContain("lost_reason");
    await s.move("deal", ids["d1"], "won", rep);
    await s.move("deal", ids["d2"], "won", rep);
    await s.settle();
    expect(s.webhooks.map((w) => w.url).sort()).toEqual(
      [
        "https://erp.example.com/hooks/sales-order",
        "https://erp.example.com/hooks/sales-order",
        "https://esign.example.com/hooks/envelopes",
        "https://esign.example.com/hooks/envelopes",
      ].sort(),
    );
    expect(s.webhooks.map((w) => w.body)).toContain(`deal:${ids["d1"]}|name:蓝海 报关单据线上化`);
  });

  it("scores each user's week and opens the next one (R2)", async () => {
    await s.create("adoption_snapshot", { week_start: "2026-11-23", user: rep.id, active_days: 2 }, rep);
    await s.create("adoption_snapshot", { week_start: "2026-11-23", user: rep2.id, active_days: 5 }, rep2);
    // The finance system reports a sync every other day or so; the ERP stays silent.
    let syncs = 50;
    for (const at of ["2026-11-24T02:00", "2026-11-26T00:00", "2026-11-27T22:00", "2026-11-29T20:00"]) {
      await s.advanceTo(`${at}:00.000Z`);
      syncs += 1;
      await s.patch("integration", ids["finance"]!, {
        success_count: syncs,
        last_success_at: `${at}:00.000Z`,
      });
    }
    await s.advanceTo("2026-11-30T01:05:00.000Z");
    const weeks = await s.list("adoption_snapshot");
    const of = (user: ScenarioUser, week: string) =>
      weeks.find((w) => w.data["user"] === user.id && w.data["week_start"] === week)?.data;
    // rep: 15 × 2 + 2 × (2 deals + 1 follow-up) − 5 × 1 planned follow-up due in the week = 31.
    expect(of(rep, "2026-11-23")).toMatchObject({
      records_created: 3,
      overdue_items: 1,
      adoption_score: 31,
      closed_on: "2026-11-30",
    });
    expect(of(rep2, "2026-11-23")).toMatchObject({
      records_created: 0,
      overdue_items: 0,
      adoption_score: 75,
      closed_on: "2026-11-30",
    });
    expect(of(rep, "2026-11-30")).toBeDefined();
    expect(of(rep2, "2026-11-30")).toBeDefined();
    const low = (await s.notifications()).filter((n) => n.title.en === "Low system adoption this week");
    expect(low.map((n) => n.userId).sort()).toEqual([manager.id, rep.id].sort());
  });

  it("marks a live integration without a sync for two days as failing (R1)", async () => {
    expect((await s.get("integration", ids["erp"]!)).data["status"]).toBe("failing");
    expect((await s.get("integration", ids["finance"]!)).data["status"]).toBe("live");
    expect((await s.get("integration", ids["im"]!)).data["status"]).toBe("testing");
    const failing = (await s.notifications(rep.id)).filter(
      (n) => n.title.en === "Integration failing: no sync for 2 days",
    );
    expect(failing.map((n) => n.recordId)).toEqual([ids["erp"]]);
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired, rule.id).toContain(rule.id);
  });

  it("computes the KPIs by hand", async () => {
    const month = ["2026-11-01", "2026-11-30"] as const;
    // Closed weeks of November: rep 31 (below 60), rep2 75.
    expect(await kpiValue(s, "adoption_rate", ...month)).toBe(0.5);
    const byUser = await s.kpi("adoption_rate", { from: month[0], to: month[1], groupBy: "user" });
    expect(Object.fromEntries(byUser.groups.map((g) => [g.key, g.value]))).toEqual({
      [rep.id]: 0,
      [rep2.id]: 1,
    });
    // (98 + 54) successes of (100 + 54 + 0) syncs.
    expect(await kpiValue(s, "integration_success", ...month)).toBe(0.987013);
    // Two won deals, one signed online with its follow-ups in the app.
    expect(await kpiValue(s, "digital_trail", ...month)).toBe(0.5);
    const board = await s.dashboard("digital_board", { from: month[0], to: month[1] });
    expect(board.widgets).toHaveLength(6);
  });
});
