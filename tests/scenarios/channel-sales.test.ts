import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureApp } from "./configure-app.js";
import { firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

const YEAR = { from: "2026-01-01", to: "2027-01-01" };
const LICENSE = [{ id: "f-license", name: "营业执照.pdf", mime: "application/pdf", size: 20480 }];
const AGREEMENT = [{ id: "f-agreement", name: "渠道协议.pdf", mime: "application/pdf", size: 40960 }];

// Channel sales worked end to end: partner onboarding, sell-in, tier upgrade, dormancy, rebate.
describe("channel-sales scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let finance: ScenarioUser;
  let xinda: string;
  let bashu: string;
  let silu: string;

  async function onboard(name: string, territory: string, signedDate = "2026-03-01"): Promise<string> {
    const partner = await s.create("partner", {
      name,
      partner_type: "distributor",
      territory,
      channel_manager: manager.id,
      contact_name: "张伟",
      contact_email: "zhangwei@xinda-demo.cn",
    });
    expect(partner.stage).toBe("applied");
    await s.patch("partner", partner.id, { business_license: LICENSE, contact_phone: "+86 139-1234-5678" });
    await s.move("partner", partner.id, "qualified");
    await s.patch("partner", partner.id, { agreement_file: AGREEMENT, signed_date: signedDate });
    await s.move("partner", partner.id, "signed");
    await s.patch("partner", partner.id, { settlement_contact: finance.id });
    await s.move("partner", partner.id, "active");
    await s.settle();
    return partner.id;
  }

  async function order(partner: string, date: string, qty: number, price: number): Promise<void> {
    await s.create("sell_in_order", {
      partner,
      order_date: date,
      paid: "yes",
      lines: [{ product: "professional", qty, unit_price: price }],
    });
    await s.settle();
  }

  beforeAll(async () => {
    s = await startScenario("channel-sales", { now: "2026-12-14T01:00:00.000Z" });
    manager = await s.addUser("Channel Manager");
    finance = await s.addUser("Finance");
    await configureApp(s, { enable: ["r1_rebate_to_erp", "r2_upgrade_email"] });
    await s.create("rebate_policy", {
      year: 2026,
      tiers: [
        { min_amount: 300_000, rebate_rate: 0.01 },
        { min_amount: 1_000_000, rebate_rate: 0.03 },
        { min_amount: 3_000_000, rebate_rate: 0.05 },
      ],
      product_scope: ["standard", "professional"],
      settlement: "quarterly",
      effective_from: "2026-01-01",
    });
  });
  afterAll(async () => {
    await s.close();
  });

  it("refuses to qualify a partner without licence and phone, naming both", async () => {
    const partner = await s.create("partner", {
      name: "厦门闽南优选",
      partner_type: "reseller",
      territory: "east_china",
      channel_manager: manager.id,
    });
    const refused = await s.tryMove("partner", partner.id, "qualified");
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("business_license");
    expect(refused.body).toContain("contact_phone");
  });

  it("onboards partners through qualified, signed and active", async () => {
    xinda = await onboard("华东鑫达贸易", "east_china");
    bashu = await onboard("成都巴蜀云商", "southwest");
    silu = await onboard("西安丝路数码", "northwest", "2026-10-25");
    expect((await s.get("partner", xinda)).stage).toBe("active");
    expect((await s.get("partner", xinda)).data["rebate_period_end"]).toBe("2026-12-31");
  });

  it("stamps sell-in on the partner and upgrades it to silver past 1 M", async () => {
    await order(xinda, "2026-12-10", 500, 1200);
    let partner = await s.get("partner", xinda);
    expect(partner.data["ytd_sell_in"]).toBe(600_000);
    expect(partner.data["tier"]).toBe("bronze");
    expect(partner.data["last_sell_in_date"]).toBe("2026-12-10");
    expect(partner.data["current_rebate_rate"]).toBe(0.01);
    expect(await s.notifications(manager.id)).toEqual([]);

    await order(xinda, "2026-12-14", 200, 3800);
    partner = await s.get("partner", xinda);
    expect(partner.data["ytd_sell_in"]).toBe(1_360_000);
    expect(partner.data["tier"]).toBe("silver");
    expect(partner.data["previous_tier"]).toBe("silver");
    const notes = await s.notifications(manager.id);
    expect(notes.map((n) => n.title.zh)).toEqual(["渠道伙伴等级提升"]);
    expect(notes[0]?.recordId).toBe(xinda);
    const mail = s.webhooks.filter((w) => w.url.includes("partner-email"));
    expect(mail.map((w) => w.body)).toEqual([
      ["tier_upgraded", "zhangwei@xinda-demo.cn", "华东鑫达贸易", "silver"],
    ]);
    const orders = await s.list("sell_in_order");
    expect(orders.filter((o) => o.data["partner"] === xinda).map((o) => o.data["partner_tier"])).toEqual([
      "silver",
      "silver",
    ]);
  });

  it("warns the channel manager 60 days after a partner's last sell-in, or after signing without one", async () => {
    await order(bashu, "2026-10-20", 100, 1000);
    // 2026-10-20 + 60 days = 2026-12-19, 09:00 China time.
    await s.advanceTo("2026-12-19T00:55:00.000Z");
    const titles = async () => (await s.notifications(manager.id)).map((n) => [n.title.zh, n.recordId]);
    expect(await titles()).toEqual([["渠道伙伴等级提升", xinda]]);
    await s.advanceTo("2026-12-19T01:05:00.000Z");
    expect((await titles()).slice(1)).toEqual([["渠道伙伴 60 天无进货", bashu]]);
    // 西安丝路 signed on 2026-10-25 and never ordered: reminded on 2026-12-24.
    await s.advanceTo("2026-12-24T01:05:00.000Z");
    expect((await titles()).slice(2)).toEqual([["渠道伙伴签约 60 天仍无进货", silu]]);
  });

  it("accrues the quarter-end rebate of the highest tier reached and tells finance and the ERP", async () => {
    await s.advanceTo("2026-12-30T15:00:00.000Z");
    expect((await s.get("partner", xinda)).data["rebate_accrued"]).toBeUndefined();
    await s.advanceTo("2026-12-31T14:05:00.000Z");
    const partner = await s.get("partner", xinda);
    // 1 360 000 reaches the 1 M tier (3 %): 40 800.
    expect(partner.data["rebate_accrued"]).toBe(40_800);
    expect(partner.data["rebate_accrued_on"]).toBe("2026-12-31");
    expect(partner.data["rebate_period_end"]).toBe("2027-03-31");
    // 100 000 and nothing reach no tier.
    expect((await s.get("partner", bashu)).data["rebate_accrued"]).toBe(0);
    expect((await s.get("partner", silu)).data["rebate_accrued"]).toBe(0);
    const financeNotes = await s.notifications(finance.id);
    expect(financeNotes.map((n) => n.recordId).sort()).toEqual([xinda, bashu, silu].sort());
    expect(financeNotes.every((n) => n.title.zh === "渠道返利已计提")).toBe(true);
    const erp = s.webhooks.filter((w) => w.url.includes("channel-rebate")).map((w) => w.body);
    expect(erp).toContainEqual([xinda, "华东鑫达贸易", 1_360_000, 40_800, "2026-12-31"]);
    expect(erp).toHaveLength(3);
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired.has(rule.id), rule.id).toBe(true);
  });

  it("computes the KPIs from the orders and partners", async () => {
    const revenue = await s.kpi("channel_revenue", { ...YEAR, groupBy: "partner_tier" });
    expect(revenue.value).toBe(1_460_000);
    const byTier = Object.fromEntries(revenue.groups.map((g) => [g.key, g.value]));
    expect(byTier).toEqual({ silver: 1_360_000, bronze: 100_000 });
    // Active: 鑫达, 巴蜀 and 丝路; 鑫达 (12-14) and 巴蜀 (10-20) ordered in the last 90 days.
    expect((await s.kpi("active_partner_rate", YEAR)).value).toBeCloseTo(2 / 3, 10);
    const ratio = await s.kpi("rebate_ratio", YEAR);
    expect(ratio.value).toBeCloseTo(40_800 / 1_460_000, 10);
    const dashboard = await s.dashboard("channel_cockpit", YEAR);
    expect(dashboard.widgets).toHaveLength(8);
  });
});
