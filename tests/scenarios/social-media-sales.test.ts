import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureApp } from "./configure-app.js";
import { DAY, firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

const YEAR = { from: "2026-01-01", to: "2027-01-01" };

// Social media sales worked end to end: posts, leads traced to them, round-robin routing, the
// private domain, the idle reminder and a purchase that becomes an attributed deal.
describe("social-media-sales scenario", () => {
  let s: Scenario;
  let opA: ScenarioUser;
  let opB: ScenarioUser;
  const post: Record<string, string> = {};
  const lead: Record<string, string> = {};

  beforeAll(async () => {
    s = await startScenario("social-media-sales", { now: "2026-12-01T01:00:00.000Z" });
    opA = await s.addUser("Operator A", { role: "member" });
    opB = await s.addUser("Operator B", { role: "member" });
    await configureApp(s, { assign: { r1_route_lead: { type: "round_robin", userIds: [opA.id, opB.id] } } });
    const posts: [string, string, string, string, number, number, number][] = [
      ["video", "douyin", "3 分钟看懂家庭净水器怎么选", "short_video", 3000, 50_000, 2_500],
      ["article", "wechat", "净水器选购避坑指南", "article", 1000, 8_000, 400],
      ["note", "xiaohongshu", "租房党的小厨房改造", "article", 500, 2_000, 150],
    ];
    for (const [key, platform, title, format, spend, views, interactions] of posts) {
      const created = await s.create("content_post", {
        platform,
        title,
        format,
        publish_at: "2026-11-30T19:00:00+08:00",
        author: s.owner.id,
        spend,
        views,
        interactions,
      });
      post[key] = created.id;
    }
  });
  afterAll(async () => {
    await s.close();
  });

  it("R1: routes new leads to the operators in turn and asks for a reply within 10 minutes", async () => {
    const leads: [string, string, string, string][] = [
      ["yu", "小鱼儿", "douyin", "video"],
      ["qing", "晴天", "douyin", "video"],
      ["wang", "老王家的厨房", "wechat", "article"],
      ["momo", "Momo", "douyin", "video"],
    ];
    for (const [key, nickname, platform, source] of leads) {
      const created = await s.create("social_lead", {
        nickname,
        platform,
        handle: `@${key}`,
        source_post: post[source],
      });
      await s.settle();
      lead[key] = created.id;
    }
    const owners = await Promise.all(
      leads.map(async ([key]) => (await s.get("social_lead", lead[key]!)).data["owner"]),
    );
    expect(owners).toEqual([opA.id, opB.id, opA.id, opB.id]);
    const notes = await s.notifications(opA.id);
    expect(notes.every((n) => n.title.zh === "新社媒线索：请 10 分钟内回复")).toBe(true);
    expect(notes.map((n) => n.recordId).sort()).toEqual([lead["yu"], lead["wang"]].sort());
  });

  it("moves a lead into the private domain once it joins, and refuses to sell without amount and region", async () => {
    const yu = lead["yu"]!;
    await s.move("social_lead", yu, "engaged", opA);
    const refused = await s.tryMove("social_lead", yu, "private_domain", opA);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("wechat_id");
    await s.patch("social_lead", yu, { in_private_domain: "yes", wechat_id: "wx_yu_8800" }, opA);
    await s.settle();
    expect((await s.get("social_lead", yu)).stage).toBe("private_domain");
    await s.patch("social_lead", yu, { interest_note: "想买厨下净水器，预算 3000 左右" }, opA);
    await s.move("social_lead", yu, "interested", opA);
    const noSale = await s.tryMove("social_lead", yu, "purchased", opA);
    expect(noSale.statusCode).toBe(422);
    expect(noSale.body).toContain("purchase_amount");
    expect(noSale.body).toContain("region");
    await s.move("social_lead", lead["qing"]!, "engaged", opB);
  });

  it("R3: a purchase becomes a customer and a won deal attributed to the source post", async () => {
    const yu = lead["yu"]!;
    await s.patch(
      "social_lead",
      yu,
      { purchase_amount: 2_999, region: "east_china", phone: "+86 138-0000-2222" },
      opA,
    );
    await s.move("social_lead", yu, "purchased", opA);
    await s.settle();
    const [customer] = await s.list("customer");
    expect(customer?.data).toMatchObject({
      customer_name: "小鱼儿",
      region: "east_china",
      source_post: post["video"],
      social_lead: yu,
      owner: opA.id,
    });
    const deals = await s.list("deal");
    expect(deals.map((d) => [d.stage, d.data["amount"], d.data["source_post"], d.data["customer"]])).toEqual([
      ["won", 2_999, post["video"], customer?.id],
    ]);
  });

  it("R2: reminds the operator of an engaged lead idle for 2 days", async () => {
    await s.advance(2 * DAY + 60_000);
    const idle = (await s.notifications()).filter((n) => n.title.zh === "社媒线索 2 天未互动");
    expect(idle.map((n) => [n.userId, n.recordId])).toEqual([[opB.id, lead["qing"]]]);
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired.has(rule.id), rule.id).toBe(true);
  });

  it("computes the KPIs by hand", async () => {
    // 4 traced leads over 3 posts; by platform: douyin 3 / 1, wechat 1 / 1, xiaohongshu 0 / 1.
    const perPost = await s.kpi("leads_per_post", { ...YEAR, groupBy: "platform" });
    expect(perPost.value).toBeCloseTo(4 / 3, 10);
    expect(Object.fromEntries(perPost.groups.map((g) => [g.key, g.value]))).toMatchObject({
      douyin: 3,
      wechat: 1,
    });
    // (2 500 + 400 + 150) ÷ (50 000 + 8 000 + 2 000).
    expect((await s.kpi("engagement_rate", YEAR)).value).toBeCloseTo(3_050 / 60_000, 10);
    // (3 000 + 1 000 + 500) ÷ 4 leads.
    expect((await s.kpi("cost_per_lead", YEAR)).value).toBe(1_125);
    expect((await s.dashboard("social_board", YEAR)).widgets).toHaveLength(9);
  });
});
