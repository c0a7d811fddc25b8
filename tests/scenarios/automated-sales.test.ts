import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureApp } from "./configure-app.js";
import { firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

const YEAR = { from: "2026-01-01", to: "2027-01-01" };
const HOUR_MS = 3_600_000;

// Automated sales worked end to end: routing and enrolment, the nurture sequence running step by
// step (messages, a call task), scoring into MQL, and opt-out / reply stopping the sequence.
describe("automated-sales scenario", () => {
  let s: Scenario;
  let repEast: ScenarioUser;
  let repNorth: ScenarioUser;
  const lead: Record<string, string> = {};

  const messages = () =>
    s.webhooks.filter((w) => w.url.endsWith("/sequence-step")).map((w) => w.body as unknown[]);
  const enrolmentOf = async (key: string) => {
    const found = (await s.list("enrollment")).find((e) => e.data["lead"] === lead[key]);
    if (found === undefined) throw new Error(`no enrolment for ${key}`);
    return found;
  };
  async function newLead(key: string, name: string, source: string, region: string): Promise<void> {
    const created = await s.create("lead", {
      contact_name: name,
      company: `${name}的公司`,
      email: `${key}@demo-lead.cn`,
      source,
      region,
      fit_points: 15,
    });
    lead[key] = created.id;
    await s.settle();
  }

  beforeAll(async () => {
    s = await startScenario("automated-sales", { now: "2026-12-01T01:00:00.000Z" });
    repEast = await s.addUser("Rep East", { role: "member" });
    repNorth = await s.addUser("Rep North", { role: "member" });
    await configureApp(s, {
      assign: {
        r1_route_and_enrol: {
          type: "by_field",
          field: "region",
          map: [
            { value: "east_china", userId: repEast.id },
            { value: "north_china", userId: repNorth.id },
          ],
        },
      },
      enable: ["r2_send_message"],
    });
    const sequence = (audience: string, name: string, days: [number, number, number]) =>
      s.create("sequence", {
        name,
        audience,
        steps: [
          { day_offset: days[0], channel: "email", template_code: `${audience}_WELCOME` },
          { day_offset: days[1], channel: "wechat", template_code: `${audience}_CASE` },
          { day_offset: days[2], channel: "call_task", template_code: "CALL_DISCOVERY" },
        ],
        stop_on: ["replied", "meeting_booked", "unsubscribed"],
        active: "yes",
        effective_from: "2026-11-01",
      });
    await sequence("website", "官网注册培育序列", [0, 2, 3]);
    await sequence("content", "白皮书下载培育序列", [1, 3, 6]);
  });
  afterAll(async () => {
    await s.close();
  });

  it("R1: routes a new lead by region, starts nurturing and enrols it; the day-0 step goes out at once", async () => {
    await newLead("a", "陈晓", "website", "east_china");
    const a = await s.get("lead", lead["a"]!);
    expect([a.stage, a.ownerId, a.data["owner"]]).toEqual(["nurturing", repEast.id, repEast.id]);
    const enrolment = await enrolmentOf("a");
    expect(enrolment.data).toMatchObject({
      sequence_name: "官网注册培育序列",
      owner: repEast.id,
      current_step: 2,
      step_channel: "wechat",
      next_run_date: "2026-12-03",
      state: "running",
      first_touch_at: "2026-12-01T01:00:00.000Z",
    });
    expect(messages()).toEqual([[lead["a"], "email", "website_WELCOME", 1]]);
  });

  it("R3: opting out, replying or scoring 60 stops the sequence; a score of 60 makes an MQL", async () => {
    await newLead("b", "周凯", "website", "north_china");
    await newLead("c", "郭静", "website", "east_china");
    await newLead("d", "谢婷", "website", "east_china");
    await newLead("e", "林峰", "content", "east_china");
    expect(messages()).toHaveLength(4); // a, b, c, d: day 0; e starts on day 1
    const refused = await s.tryMove("lead", lead["c"]!, "mql");
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("60");

    await s.patch("lead", lead["b"]!, { engagement_points: 50 }); // 50 + 15 = 65
    await s.patch("lead", lead["c"]!, { unsubscribed: "yes" });
    await s.patch("lead", lead["d"]!, { replied: "yes" });
    await s.settle();
    const b = await s.get("lead", lead["b"]!);
    expect([b.data["lead_score"], b.stage]).toEqual([65, "mql"]);
    expect((await s.notifications(repNorth.id)).map((n) => [n.title.zh, n.recordId])).toEqual([
      ["线索评分达标，已转为 MQL", lead["b"]],
    ]);
    const stopped = await Promise.all(["b", "c", "d"].map(async (k) => (await enrolmentOf(k)).data));
    expect(stopped.map((d) => [d["state"], d["stop_reason"]])).toEqual([
      ["stopped", "qualified"],
      ["stopped", "unsubscribed"],
      ["stopped", "replied"],
    ]);
    const noPhone = await s.tryMove("lead", lead["b"]!, "sql");
    expect(noPhone.body).toContain("phone");
    await s.patch("lead", lead["b"]!, { phone: "+86 136-5100-6200" });
    await s.move("lead", lead["b"]!, "sql");
  });

  it("R2: runs each later step at 09:00 on its day, creates the call task, then completes", async () => {
    await s.advanceTo("2026-12-02T01:05:00.000Z");
    expect(messages().slice(4)).toEqual([[lead["e"], "email", "content_WELCOME", 1]]);
    await s.advanceTo("2026-12-03T01:05:00.000Z");
    // Only 陈晓 is still running on the website sequence: the stopped ones get nothing.
    expect(messages().slice(5)).toEqual([[lead["a"], "wechat", "website_CASE", 2]]);
    await s.advanceTo("2026-12-04T01:05:00.000Z");
    expect((await s.notifications(repEast.id)).map((n) => n.title.zh)).toEqual(["序列电话任务"]);
    const done = await enrolmentOf("a");
    expect([done.data["state"], done.data["current_step"], done.data["next_run_date"]]).toEqual([
      "completed",
      4,
      undefined,
    ]);
    expect(messages()).toHaveLength(7); // e's wechat step on day 3 (12-04) as well
  });

  it("fired every rule", async () => {
    const fired = firedRules(await s.runs());
    for (const rule of s.definition.rules ?? []) expect(fired.has(rule.id), rule.id).toBe(true);
  });

  it("computes the KPIs by hand", async () => {
    // 1 SQL (周凯) of 5 leads.
    expect((await s.kpi("lead_to_sql", YEAR)).value).toBe(0.2);
    // 1 reply (谢婷) of 5 enrolments, stopped at step 2.
    const replies = await s.kpi("step_reply_rate", { ...YEAR, groupBy: "current_step" });
    expect(replies.value).toBe(0.2);
    // First touch: four at once (0 h), 林峰's at 09:05 the next day (24 h 5 min after creation).
    const firstTouch = await s.kpi("first_touch_minutes", YEAR);
    expect(firstTouch.value).toBeCloseTo((24 * HOUR_MS + 5 * 60_000) / HOUR_MS / 5, 6);
    expect((await s.dashboard("automation_board", YEAR)).widgets).toHaveLength(7);
  });
});
