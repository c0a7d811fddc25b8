import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureApp } from "./configure-app.js";
import { DAY, firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

const YEAR = { from: "2026-01-01", to: "2027-01-01" };
const FILE = (name: string) => [{ id: `f-${name}`, name, mime: "application/pdf", size: 40960 }];

// Joint selling worked end to end: an alliance, consented lead exchange, the partner SLA, joint
// deals and the revenue-share ledger.
describe("joint-selling scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let finance: ScenarioUser;
  let rep: ScenarioUser;
  let alliance: string;
  const lead: Record<string, string> = {};

  async function share(key: string, direction: string, customer: string, consent: string): Promise<void> {
    const created = await s.create(
      "shared_lead",
      {
        alliance,
        direction,
        customer_name: customer,
        need: "需要 CRM 与数据中台联动",
        consent,
        contact_phone: "+86 139-0000-1111",
      },
      rep,
    );
    lead[key] = created.id;
  }

  beforeAll(async () => {
    s = await startScenario("joint-selling", { now: "2026-12-01T01:00:00.000Z" });
    manager = await s.addUser("Alliance Manager");
    finance = await s.addUser("Finance");
    rep = await s.addUser("Rep", { role: "member" });
    await configureApp(s, { enable: ["r1_partner_inbox"] });
    const created = await s.create("alliance", {
      partner_company: "云图数据科技",
      partner_email: "alliance@yuntu-demo.cn",
      alliance_manager: manager.id,
      finance_contact: finance.id,
      our_share: 0.6,
      lead_rules: "双方每月互推线索；推送前须取得客户同意。",
      agreement: FILE("联合销售协议.pdf"),
      valid_until: "2027-12-31",
    });
    alliance = created.id;
  });
  afterAll(async () => {
    await s.close();
  });

  it("R1: rejects a lead for the partner without consent and sends the consented one", async () => {
    await share("hengrui", "to_partner", "江苏恒瑞制药", "yes");
    await share("yueda", "to_partner", "上海悦达零售", "no");
    await share("boshi", "from_partner", "苏州博世通", "yes");
    await share("changjiang", "from_partner", "无锡长江物流", "yes");
    await s.settle();
    const yueda = await s.get("shared_lead", lead["yueda"]!);
    expect([yueda.stage, yueda.data["reject_reason"]]).toEqual(["rejected", "no_consent"]);
    expect((await s.notifications(rep.id)).map((n) => [n.title.zh, n.recordId])).toEqual([
      ["线索未推送：缺少客户同意", lead["yueda"]],
    ]);
    const inbox = s.webhooks.filter((w) => w.url.endsWith("/shared-leads")).map((w) => w.body);
    expect(inbox).toEqual([
      [lead["hengrui"], alliance, "江苏恒瑞制药", "需要 CRM 与数据中台联动", "+86 139-0000-1111"],
    ]);
  });

  it("refuses to accept a lead without an owner, naming owner", async () => {
    const refused = await s.tryMove("shared_lead", lead["boshi"]!, "accepted");
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("owner");
    await s.patch("shared_lead", lead["boshi"]!, { owner: rep.id });
    await s.move("shared_lead", lead["boshi"]!, "accepted");
    await s.patch("shared_lead", lead["hengrui"]!, { owner: rep.id });
    await s.move("shared_lead", lead["hengrui"]!, "accepted");
  });

  it("R2: tells the alliance manager about a lead still submitted after 3 days", async () => {
    await s.advance(3 * DAY + 60_000);
    const notes = await s.notifications(manager.id);
    expect(notes.map((n) => [n.title.zh, n.recordId])).toEqual([["共享线索超过 3 天未处理", alliance]]);
    expect((await s.get("alliance", alliance)).data["sla_breach_lead"]).toBe("无锡长江物流");
  });

  it("R3: a won joint deal books the partner's share and tells finance", async () => {
    const customer = await s.create("customer", {
      customer_name: "苏州博世通",
      owner: rep.id,
      region: "east_china",
    });
    const deal = await s.create("deal", {
      deal_name: "苏州博世通 · 联合方案",
      customer: customer.id,
      owner: rep.id,
      amount: 500_000,
      expected_close_date: "2026-12-31",
      alliance,
      shared_lead: lead["boshi"],
    });
    expect(deal.data["our_revenue"]).toBe(300_000);
    const refused = await s.tryMove("deal", deal.id, "joint_proposal");
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("joint_proposal");
    await s.patch("deal", deal.id, { joint_proposal: FILE("联合方案.pdf") });
    await s.move("deal", deal.id, "joint_proposal");
    await s.move("deal", deal.id, "won");
    await s.settle();
    const ledger = await s.get("alliance", alliance);
    expect(ledger.data).toMatchObject({
      joint_revenue_won: 500_000,
      partner_share_due: 200_000,
      last_won_deal: "苏州博世通 · 联合方案",
    });
    expect((await s.notifications(finance.id)).map((n) => [n.title.zh, n.recordId])).toEqual([
      ["联合销售分成待结算", alliance],
    ]);

    const lost = await s.create("deal", {
      deal_name: "江苏恒瑞制药 · 联合方案",
      customer: customer.id,
      owner: rep.id,
      amount: 200_000,
      expected_close_date: "2026-12-31",
      alliance,
    });
    expect((await s.tryMove("deal", lost.id, "lost")).body).toContain("lost_reason");
    await s.patch("deal", lost.id, { lost_reason: "competitor" });
    await s.move("deal", lost.id, "lost");
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired.has(rule.id), rule.id).toBe(true);
  });

  it("computes the KPIs by hand", async () => {
    // Sent (not rejected): 恒瑞 = 1; received: 博世通, 长江 = 2.
    expect((await s.kpi("lead_balance", YEAR)).value).toBe(0.5);
    expect((await s.kpi("joint_win_rate", YEAR)).value).toBe(0.5);
    expect((await s.kpi("joint_revenue", YEAR)).value).toBe(300_000);
    expect((await s.dashboard("alliance_board", YEAR)).widgets).toHaveLength(8);
  });
});
