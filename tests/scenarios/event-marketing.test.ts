import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureApp } from "./configure-app.js";
import { DAY, firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

const YEAR = { from: "2026-01-01", to: "2027-01-01" };

// Event marketing worked end to end: promotion, registrations, reminders, check-in, conversion
// of hot and warm attendees within the window, the idle reminder and the event's ROI.
describe("event-marketing scenario", () => {
  let s: Scenario;
  let marketer: ScenarioUser;
  let repEast: ScenarioUser;
  let repNorth: ScenarioUser;
  let event: string;
  const reg: Record<string, string> = {};

  beforeAll(async () => {
    s = await startScenario("event-marketing", { now: "2026-12-01T01:00:00.000Z" });
    marketer = await s.addUser("Marketing Lead");
    repEast = await s.addUser("Rep East", { role: "member" });
    repNorth = await s.addUser("Rep North", { role: "member" });
    await configureApp(s, {
      assign: {
        r2_assign_by_region: {
          type: "by_field",
          field: "region",
          map: [
            { value: "east_china", userId: repEast.id },
            { value: "north_china", userId: repNorth.id },
          ],
        },
      },
      enable: ["r1_sms_confirm", "r1_sms_reminder", "r2_cold_to_nurture"],
    });
  });
  afterAll(async () => {
    await s.close();
  });

  it("refuses to promote an event without venue and deadline, naming both", async () => {
    const created = await s.create("event", {
      name: "智能产线新品发布会",
      event_type: "launch",
      event_date: "2026-12-10",
      owner: marketer.id,
      budget: 80_000,
      target_registrations: 50,
    });
    event = created.id;
    const refused = await s.tryMove("event", event, "promotion");
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("venue");
    expect(refused.body).toContain("registration_deadline");
    await s.patch("event", event, { venue: "上海国际会议中心 3 号厅", registration_deadline: "2026-12-08" });
    await s.move("event", event, "promotion");
  });

  it("R1: confirms each registration by SMS and reminds everyone the day before", async () => {
    const people: [string, string, string, string, string][] = [
      ["wang", "王磊", "华东精工机械", "east_china", "+86 135-4100-5200"],
      ["li", "李娟", "北京博远咨询", "north_china", "+86 135-4123-5231"],
      ["zhao", "赵敏", "天津海河制造", "north_china", "+86 135-4146-5262"],
      ["qian", "钱坤", "宁波港通贸易", "east_china", "+86 135-4169-5293"],
    ];
    for (const [key, attendee, company, region, phone] of people) {
      reg[key] = (await s.create("registration", { event, attendee, company, region, phone })).id;
    }
    await s.settle();
    const confirms = s.webhooks.filter((w) => w.url.endsWith("/event-confirm")).map((w) => w.body);
    expect(confirms).toHaveLength(4);
    for (const [, attendee, , , phone] of people) {
      expect(confirms).toContainEqual(["registration_confirmed", phone, attendee, event]);
    }
    // The day before at 10:00 China time.
    await s.advanceTo("2026-12-09T01:55:00.000Z");
    expect(s.webhooks.filter((w) => w.url.endsWith("/event-reminder"))).toEqual([]);
    await s.advanceTo("2026-12-09T02:05:00.000Z");
    const reminders = s.webhooks.filter((w) => w.url.endsWith("/event-reminder")).map((w) => w.body);
    expect(reminders).toHaveLength(4);
    expect(reminders).toContainEqual(["event_reminder", "+86 135-4100-5200", "王磊", event]);
  });

  it("R2: after the event, hot and warm attendees become deals by region and cold ones go to nurture", async () => {
    await s.advanceTo("2026-12-10T01:00:00.000Z");
    await s.move("event", event, "live");
    await s.patch("registration", reg["wang"]!, { checked_in: "yes", interest: "hot" });
    await s.patch("registration", reg["li"]!, { checked_in: "yes", interest: "warm" });
    await s.patch("registration", reg["zhao"]!, { checked_in: "yes", interest: "cold" });
    await s.patch("registration", reg["qian"]!, { interest: "hot" }); // registered, never came
    await s.move("event", event, "follow_up");
    await s.settle();

    const deals = await s.list("deal");
    expect(deals.map((d) => [d.data["deal_name"], d.data["owner"], d.data["source_event"]]).sort()).toEqual(
      [
        ["北京博远咨询 · 活动商机", repNorth.id, event],
        ["华东精工机械 · 活动商机", repEast.id, event],
      ].sort(),
    );
    const customers = await s.list("customer");
    expect(customers.map((c) => c.data["customer_name"]).sort()).toEqual(
      ["北京博远咨询", "华东精工机械"].sort(),
    );
    const wangDeal = deals.find((d) => d.data["registration"] === reg["wang"]);
    expect((await s.get("registration", reg["wang"]!)).data["deal"]).toBe(wangDeal?.id);
    expect((await s.get("registration", reg["qian"]!)).data["deal"]).toBeUndefined();
    expect((await s.notifications(repEast.id)).map((n) => n.title.zh)).toEqual(["新的活动商机"]);
    const nurture = s.webhooks.filter((w) => w.url.endsWith("/nurture")).map((w) => w.body);
    expect(nurture).toEqual([["nurture", "+86 135-4146-5262", "赵敏", "天津海河制造", event]]);
  });

  it("R3: reminds the owner and the event owner of an event deal idle for 2 days", async () => {
    const deals = await s.list("deal");
    const wang = deals.find((d) => d.data["registration"] === reg["wang"])!;
    const li = deals.find((d) => d.data["registration"] === reg["li"])!;
    await s.patch("deal", wang.id, { amount: 120_000 });
    await s.move("deal", wang.id, "proposal");
    await s.advance(2 * DAY + 60_000);
    const idle = (await s.notifications()).filter((n) => n.title.zh === "活动商机 2 天未跟进");
    expect(idle.map((n) => [n.userId, n.recordId]).sort()).toEqual(
      [
        [repNorth.id, li.id],
        [marketer.id, li.id],
      ].sort(),
    );
  });

  it("wins a deal, refuses to close the event without its cost, then reports ROI", async () => {
    const wang = (await s.list("deal")).find((d) => d.data["registration"] === reg["wang"])!;
    await s.move("deal", wang.id, "negotiation");
    await s.move("deal", wang.id, "won");
    await s.settle();
    expect((await s.get("event", event)).data["won_amount"]).toBe(120_000);
    const refused = await s.tryMove("event", event, "closed");
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("actual_cost");
    await s.patch("event", event, { actual_cost: 40_000 });
    const closed = await s.move("event", event, "closed");
    expect(closed.data["roi"]).toBe(3);
    expect(closed.data["registrations"]).toBe(4);
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired.has(rule.id), rule.id).toBe(true);
  });

  it("computes the KPIs by hand", async () => {
    // 3 of 4 registrations checked in; 2 deals from 3 attendees; 120 000 won on 40 000 spent.
    expect((await s.kpi("attendance_rate", YEAR)).value).toBe(0.75);
    expect((await s.kpi("attendee_to_deal", YEAR)).value).toBeCloseTo(2 / 3, 10);
    expect((await s.kpi("event_roi", YEAR)).value).toBe(3);
    const board = await s.dashboard("event_board", YEAR);
    expect(board.widgets).toHaveLength(8);
  });
});
