import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

interface Approval {
  id: string;
  status: string;
  stepIndex: number;
  requestedBy: string | null;
  tasks: { userId: string; stepId: string; status: string }[];
  trail: { action: string }[];
}
interface Inbox {
  items: { kind: string; approvalId?: string; recordId: string }[];
}

// The sales plan's two approvals walked through the API: the annual goal (the owner's manager,
// then leadership) and the quote discount over 15 % (the sales manager approves before it is sent).
describe("sales-plan approvals", () => {
  let s: Scenario;
  let director: ScenarioUser;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  beforeAll(async () => {
    s = await startScenario("sales-plan", { now: "2026-11-23T01:00:00.000Z" });
    director = await s.addUser("Director", { role: "admin" });
    manager = await s.addUser("Sales Manager", { role: "member", managerId: director.id });
    rep = await s.addUser("Rep", { role: "member", managerId: manager.id });
  });
  afterAll(async () => {
    await s.close();
  });

  const approval = async (id: string): Promise<Approval> => {
    const res = await s.rt.call("GET", `/api/approvals/${id}`, s.owner.token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Approval>();
  };
  const decide = (id: string, as: ScenarioUser, body: Record<string, unknown>) =>
    s.rt.call("POST", `/api/approvals/${id}/decision`, as.token, body);
  const inbox = async (as: ScenarioUser) =>
    (await s.rt.call("GET", "/api/inbox", as.token)).json<Inbox>().items.map((i) => i.approvalId);

  async function goal(name: string) {
    const created = await s.create(
      "sales_goal",
      {
        goal_name: name,
        fiscal_year: 2027,
        plan_owner: rep.id,
        revenue_target: 0,
        new_customer_target: 0,
        renewal_target: 0,
        smart_check: ["specific", "measurable", "achievable", "relevant", "time_bound"],
      },
      rep,
    );
    await s.settle();
    const asked = await s.tryMove("sales_goal", created.id, "approved", rep);
    expect(asked.statusCode, asked.body).toBe(202);
    return { id: created.id, approvalId: asked.json<{ approvalId: string }>().approvalId };
  }

  it("approves the annual goal: the rep's manager, then leadership; targets locked meanwhile", async () => {
    const { id, approvalId } = await goal("FY2027 east");
    expect((await s.get("sales_goal", id)).stage).toBe("draft");
    expect(await inbox(manager)).toContain(approvalId);
    const current = await s.get("sales_goal", id);
    const locked = await s.rt.call(
      "PATCH",
      `/api/apps/${s.appId}/forms/sales_goal/records/${id}`,
      rep.token,
      { data: { revenue_target: 1_000_000 } },
      { "if-match": String(current.version) },
    );
    expect(locked.statusCode).toBe(409);
    expect(locked.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      "/data/revenue_target",
    ]);
    expect((await decide(approvalId, rep, { decision: "approve" })).statusCode).toBe(403);
    const first = await decide(approvalId, manager, { decision: "approve", comment: "同意" });
    expect(first.statusCode, first.body).toBe(200);
    const signOff = await approval(approvalId);
    expect(signOff.stepIndex).toBe(1);
    // Leadership sign-off goes to every admin; the first decision counts (或签).
    const admins = signOff.tasks.filter((t) => t.stepId === "admin_sign_off").map((t) => t.userId);
    expect(admins).toEqual(expect.arrayContaining([s.owner.id, director.id]));
    expect(await inbox(director)).toContain(approvalId);
    expect((await decide(approvalId, director, { decision: "approve" })).statusCode).toBe(200);
    expect((await decide(approvalId, s.owner, { decision: "approve" })).statusCode).toBe(409);
    expect((await s.get("sales_goal", id)).stage).toBe("approved");
    expect(await inbox(director)).not.toContain(approvalId);
    await s.settle();
    const history = await s.rt.call(
      "GET",
      `/api/apps/${s.appId}/forms/sales_goal/records/${id}/history`,
      s.owner.token,
    );
    const actions = history
      .json<{ kind: string; detail?: { action: string } }[]>()
      .filter((e) => e.kind === "approval" || e.kind === "transitioned")
      .map((e) => e.detail?.action ?? e.kind);
    expect(actions).toEqual(["requested", "approve", "approve", "transitioned"]);
  });

  it("keeps a rejected goal in draft, where the rep may change the targets again", async () => {
    const { id, approvalId } = await goal("FY2027 south");
    expect((await decide(approvalId, manager, { decision: "reject", comment: "目标偏低" })).statusCode).toBe(
      200,
    );
    expect((await s.get("sales_goal", id)).stage).toBe("draft");
    const patched = await s.patch("sales_goal", id, { revenue_target: 0, new_customer_target: 0 }, rep);
    expect(patched.stage).toBe("draft");
    const notes = await s.notifications(rep.id);
    expect(notes.map((n) => n.title.en)).toContain("Approval rejected: Annual sales goal (Approved)");
  });

  async function quote(discount: number) {
    const customer = await s.create(
      "customer",
      { customer_name: `华东贸易 ${discount}`, owner: rep.id, region: "east_china", company_size: "medium" },
      rep,
    );
    const deal = await s.create(
      "deal",
      {
        deal_name: "CRM rollout",
        customer: customer.id,
        owner: rep.id,
        amount: 200_000,
        deal_type: "new",
        expected_close_date: "2027-03-31",
      },
      rep,
    );
    const created = await s.create(
      "quote_contract",
      {
        deal: deal.id,
        customer: customer.id,
        owner: rep.id,
        contract_type: "new",
        line_items: [{ product: "professional", qty: 10, unit_price: 20_000, discount }],
      },
      rep,
    );
    await s.settle();
    await s.move("quote_contract", created.id, "pending_approval", rep);
    // R7 moves every quote on to `sent`; the `sent` stage's approval stops those over 15 %.
    await s.settle();
    return created.id;
  }

  it("sends a quote within 15 % at once", async () => {
    const id = await quote(0.1);
    expect((await s.get("quote_contract", id)).stage).toBe("sent");
  });

  it("holds a quote over 15 % for the sales manager, who approves it before it is sent", async () => {
    const id = await quote(0.2);
    expect((await s.get("quote_contract", id)).stage).toBe("pending_approval");
    const pending = (await s.rt.call("GET", "/api/inbox", manager.token))
      .json<Inbox>()
      .items.find((i) => i.recordId === id);
    const approvalId = pending?.approvalId;
    if (approvalId === undefined) throw new Error("the manager's inbox has no approval of the quote");
    const asked = await approval(approvalId);
    // The rule asked, not a person: the approval has no requester.
    expect(asked).toMatchObject({ status: "pending", requestedBy: null });
    expect(asked.tasks.map((t) => t.userId)).toEqual([manager.id]);
    const lines = await s.rt.call(
      "PATCH",
      `/api/apps/${s.appId}/forms/quote_contract/records/${id}`,
      rep.token,
      { data: { line_items: [{ product: "professional", qty: 10, unit_price: 20_000, discount: 0.3 }] } },
      { "if-match": String((await s.get("quote_contract", id)).version) },
    );
    expect(lines.statusCode).toBe(409);
    // A day later nobody has decided: the manager is reminded.
    await s.advance(DAY);
    const reminders = (await s.notifications(manager.id)).filter((n) => n.recordId === id);
    expect(reminders.map((n) => n.title.en)).toEqual([
      "Approval requested: Quote and contract (Sent)",
      "Approval overdue: Quote and contract (Sent)",
    ]);
    expect((await decide(approvalId, manager, { decision: "approve", comment: "战略客户" })).statusCode).toBe(
      200,
    );
    expect((await s.get("quote_contract", id)).stage).toBe("sent");
  });

  it("returns a quote over 15 % to drafting", async () => {
    const id = await quote(0.25);
    const approvalId = (await s.rt.call("GET", "/api/inbox", manager.token))
      .json<Inbox>()
      .items.find((i) => i.recordId === id)?.approvalId;
    if (approvalId === undefined) throw new Error("no approval of the quote");
    const res = await decide(approvalId, manager, {
      decision: "return",
      returnTo: "drafting",
      comment: "折扣过高",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await s.get("quote_contract", id)).stage).toBe("drafting");
  });
});
