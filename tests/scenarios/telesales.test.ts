import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

const YEAR = { from: "2026-01-01", to: "2027-01-01" };

// Telesales worked end to end: scripts, outcome-coded calls, callbacks, retries and do-not-call.
describe("telesales scenario", () => {
  let s: Scenario;
  let agentA: ScenarioUser;
  let agentB: ScenarioUser;
  const script: Record<"v1" | "v2", string> = { v1: "", v2: "" };
  const p: Record<"zhou" | "sun" | "ma" | "zheng", string> = { zhou: "", sun: "", ma: "", zheng: "" };

  async function call(
    prospect: string,
    agent: ScenarioUser,
    at: string,
    outcome: string,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await s.create("call_log", {
      prospect,
      agent: agent.id,
      started_at: at,
      duration_sec: outcome === "no_answer" || outcome === "busy" ? 0 : 240,
      script: script.v1,
      outcome,
      notes: "客户关心收益和赎回灵活性",
      ...extra,
    });
    await s.settle();
  }
  const titlesOf = async (user: ScenarioUser) =>
    (await s.notifications(user.id)).map((n) => [n.title.zh, n.recordId]);

  beforeAll(async () => {
    s = await startScenario("telesales", { now: "2026-12-14T01:00:00.000Z" });
    agentA = await s.addUser("Agent Zhang", { role: "member" });
    agentB = await s.addUser("Agent Li", { role: "member" });
    for (const version of [1, 2] as const) {
      const created = await s.create("call_script", {
        name: `稳健理财开场 v${String(version)}`,
        scenario: "cold_call",
        opening: version === 1 ? "您好，我是恒信财富的理财顾问……" : "您好，邀请您参加本周的养老规划咨询……",
        objections: [{ objection: "没时间", response: "我们约一个您方便的时间回电。" }],
        version,
        active: "yes",
      });
      script[`v${version}`] = created.id;
    }
    const names = { zhou: "周建国", sun: "孙志强", ma: "马丽", zheng: "郑海燕" } as const;
    for (const [key, name] of Object.entries(names) as [keyof typeof p, string][]) {
      const agent = key === "zhou" || key === "sun" ? agentA : agentB;
      const created = await s.create("prospect", {
        name,
        phone: "+86 137-2100-3300",
        campaign: "年末稳健理财外呼",
        agent: agent.id,
      });
      expect(created.data["dnd"]).toBe("no");
      p[key] = created.id;
    }
  });
  afterAll(async () => {
    await s.close();
  });

  it("refuses to mark a prospect contacted before any call, naming last_call_at", async () => {
    const refused = await s.tryMove("prospect", p.zhou, "contacted");
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("last_call_at");
  });

  it("R1: a callback sets the callback time, tells the agent and reminds them that morning", async () => {
    await call(p.zhou, agentA, "2026-12-14T10:00:00+08:00", "callback", {
      callback_at: "2026-12-15T15:00:00+08:00",
    });
    await call(p.zheng, agentB, "2026-12-14T10:30:00+08:00", "callback", {
      callback_at: "2026-12-15T11:00:00+08:00",
    });
    const zhou = await s.get("prospect", p.zhou);
    expect(zhou.data["next_callback_at"]).toBe("2026-12-15T07:00:00.000Z");
    expect(zhou.data["attempts"]).toBe(1);
    expect(zhou.stage).toBe("contacted");
    expect(await titlesOf(agentA)).toEqual([["已约定回拨", expect.any(String)]]);
    await s.advanceTo("2026-12-15T00:25:00.000Z");
    expect((await titlesOf(agentA)).length).toBe(1);
    await s.advanceTo("2026-12-15T00:35:00.000Z");
    expect((await titlesOf(agentA)).slice(1)).toEqual([["今天有约定回拨", p.zhou]]);
    expect((await titlesOf(agentB)).slice(1)).toEqual([["今天有约定回拨", p.zheng]]);
  });

  it("R2: unanswered calls retry the next day in the other slot, and three make the prospect unreachable", async () => {
    await call(p.sun, agentA, "2026-12-14T10:00:00+08:00", "no_answer");
    let sun = await s.get("prospect", p.sun);
    expect(sun.data["retry_at"]).toBe("2026-12-15T07:00:00.000Z"); // 15:00 China time
    expect(sun.stage).toBe("to_call");
    await call(p.sun, agentA, "2026-12-15T15:00:00+08:00", "busy");
    sun = await s.get("prospect", p.sun);
    expect(sun.data["retry_at"]).toBe("2026-12-16T02:00:00.000Z"); // 10:00 China time
    await call(p.sun, agentA, "2026-12-16T10:00:00+08:00", "no_answer");
    sun = await s.get("prospect", p.sun);
    expect(sun.data["attempts"]).toBe(3);
    expect(sun.stage).toBe("unreachable");
    expect(sun.data["retry_at"]).toBeUndefined();
  });

  it("R3: do-not-call flags the number, closes it and keeps it off the pipeline", async () => {
    await call(p.ma, agentB, "2026-12-14T11:00:00+08:00", "do_not_call");
    const ma = await s.get("prospect", p.ma);
    expect(ma.data["dnd"]).toBe("yes");
    expect(ma.stage).toBe("not_interested");
    const refused = await s.tryMove("prospect", p.ma, "contacted");
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("勿扰");
    const list = await s.dashboard("call_center", YEAR);
    // The call list shows 周建国 (contacted) but never the do-not-call number.
    expect(JSON.stringify(list.widgets)).toContain("周建国");
    expect(JSON.stringify(list.widgets)).not.toContain("马丽");
  });

  it("works a callback into a sale through interested and appointment", async () => {
    await call(p.zhou, agentA, "2026-12-15T15:05:00+08:00", "appointment", {
      script: script.v2,
      callback_due_at: "2026-12-15T15:00:00+08:00",
    });
    expect((await s.get("prospect", p.zhou)).data["next_callback_at"]).toBeUndefined();
    const refused = await s.tryMove("prospect", p.zhou, "interested");
    expect(refused.body).toContain("interest_note");
    await s.patch("prospect", p.zhou, { interest_note: "想给孩子存教育金，预算 20 万" });
    await s.move("prospect", p.zhou, "interested");
    await s.patch("prospect", p.zhou, { appointment_at: "2026-12-18T14:00:00+08:00" });
    await s.move("prospect", p.zhou, "appointment");
    expect((await s.tryMove("prospect", p.zhou, "sold")).body).toContain("sale_amount");
    await s.patch("prospect", p.zhou, { sale_amount: 200_000 });
    expect((await s.move("prospect", p.zhou, "sold")).stage).toBe("sold");
    // 郑海燕's callback was promised for the 15th and made on the 17th: late.
    await call(p.zheng, agentB, "2026-12-17T10:00:00+08:00", "busy", {
      callback_due_at: "2026-12-15T11:00:00+08:00",
    });
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired.has(rule.id), rule.id).toBe(true);
  });

  it("computes the KPIs by hand", async () => {
    // 8 calls; connected: 2 callbacks, the appointment and the do-not-call = 4.
    const connect = await s.kpi("connect_rate", { ...YEAR, groupBy: "agent" });
    expect(connect.value).toBe(0.5);
    const byAgent = Object.fromEntries(connect.groups.map((g) => [g.key, g.value]));
    expect(byAgent[agentA.id]).toBe(2 / 5);
    expect(byAgent[agentB.id]).toBeCloseTo(2 / 3, 10);
    // Converted ÷ connected: 1 ÷ 4; by script: v1 0 ÷ 3, v2 1 ÷ 1.
    const conversion = await s.kpi("script_conversion", { ...YEAR, groupBy: "script" });
    expect(conversion.value).toBe(0.25);
    const byScript = Object.fromEntries(conversion.groups.map((g) => [g.key, g.value]));
    expect(byScript).toEqual({ [script.v1]: 0, [script.v2]: 1 });
    // Two answered callbacks, one on the promised day.
    expect((await s.kpi("callback_on_time", YEAR)).value).toBe(0.5);
    expect((await s.kpi("calls_made", YEAR)).value).toBe(8);
  });
});
