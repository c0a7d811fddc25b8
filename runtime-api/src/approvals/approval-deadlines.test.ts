import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schedulerTick } from "../automation/scheduler.js";
import { startApprovalFixture, type ApprovalFixture } from "./test-approval-app.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Due times of approval steps, driven by the scheduler tick and a hand-moved clock. The fixture
// starts on Friday 2026-11-20 09:00 UTC; the lead step is due one working day later.
describe("approval due times", () => {
  let f: ApprovalFixture;
  beforeAll(async () => {
    f = await startApprovalFixture("2026-11-20T09:00:00.000Z");
    await f.tick(); // starts the scheduler's clock
  });
  afterAll(async () => {
    await f.close();
  });

  const notificationsOf = async (userId: string, approvalRecordId: string) =>
    (
      await f.rt.database.db
        .selectFrom("notifications")
        .select("title")
        .where("user_id", "=", userId)
        .where("record_id", "=", approvalRecordId)
        .orderBy("created_at")
        .orderBy("id")
        .execute()
    ).map((row) => row.title.en);

  async function request(appId: string): Promise<{ id: string; approvalId: string }> {
    const record = await f.create(appId, { title: "Due", amount: 10 });
    const res = await f.move(appId, record.id, "review");
    expect(res.statusCode, res.body).toBe(202);
    return { id: record.id, approvalId: res.json<{ approvalId: string }>().approvalId };
  }

  it("skips the weekend and a listed holiday, then reminds once when the due time passes", async () => {
    f.rt.clock.set("2026-11-20T09:00:00.000Z");
    const appId = await f.install({
      onOverdue: "remind",
      calendars: [{ id: "office", weekend: [0, 6], holidays: ["2026-11-23"] }],
    });
    const { id, approvalId } = await request(appId);
    // Friday + 1 working day, Monday 23 being a holiday: Tuesday 09:00.
    expect((await f.approval(approvalId)).dueAt).toBe("2026-11-24T09:00:00.000Z");
    f.rt.clock.set("2026-11-24T08:59:00.000Z");
    await f.tick();
    expect((await f.approval(approvalId)).trail.map((e) => e.action)).toEqual(["requested"]);
    f.rt.clock.set("2026-11-24T09:00:00.000Z");
    await f.tick();
    await f.tick();
    const approval = await f.approval(approvalId);
    expect(approval.trail.map((e) => [e.action, e.actor.type])).toEqual([
      ["requested", "user"],
      ["overdue", "system"],
    ]);
    expect(approval.status).toBe("pending");
    expect(await notificationsOf(f.lead.id, id)).toEqual([
      "Approval requested: Document (Review)",
      "Approval overdue: Document (Review)",
    ]);
    const runs = await f.rt.database.db
      .selectFrom("rule_runs")
      .select("rule_id")
      .where("record_id", "=", id)
      .where("rule_id", "=", "on_overdue")
      .execute();
    expect(runs).toHaveLength(1);
    // It shows as overdue in the approver's inbox.
    const inbox = await f.rt.call("GET", "/api/inbox", f.lead.token);
    const item = inbox
      .json<{ items: { approvalId?: string; overdue: boolean }[] }>()
      .items.find((i) => i.approvalId === approvalId);
    expect(item?.overdue).toBe(true);
  });

  it("escalates to the approver's manager, who can then decide", async () => {
    f.rt.clock.set("2026-11-25T09:00:00.000Z"); // Wednesday
    const appId = await f.install({ onOverdue: "escalate", due: { amount: 4, unit: "hours" } });
    const { id, approvalId } = await request(appId);
    f.rt.clock.advance(4 * HOUR);
    await f.tick();
    const approval = await f.approval(approvalId);
    expect(approval.tasks.map((t) => [t.userId, t.status, t.transferredFrom])).toEqual([
      [f.lead.id, "escalated", null],
      [f.boss.id, "pending", f.lead.id],
    ]);
    expect((await f.decide(approvalId, f.lead, { decision: "approve" })).statusCode).toBe(409);
    expect((await f.decide(approvalId, f.boss, { decision: "approve" })).statusCode).toBe(200);
    expect((await f.get(appId, id)).stage).toBe("review");
  });

  it("auto-approves and auto-rejects when the due time passes", async () => {
    f.rt.clock.set("2026-11-26T09:00:00.000Z");
    const approving = await f.install({ onOverdue: "auto_approve", due: { amount: 30, unit: "minutes" } });
    const rejecting = await f.install({ onOverdue: "auto_reject", due: { amount: 30, unit: "minutes" } });
    const a = await request(approving);
    const r = await request(rejecting);
    f.rt.clock.advance(30 * 60_000);
    await f.tick();
    expect((await f.approval(a.approvalId)).status).toBe("approved");
    expect((await f.get(approving, a.id)).stage).toBe("review");
    expect((await f.approval(r.approvalId)).status).toBe("rejected");
    expect((await f.get(rejecting, r.id)).stage).toBe("draft");
    const trail = (await f.approval(r.approvalId)).trail.map((e) => [e.action, e.actor.type]);
    expect(trail).toEqual([
      ["requested", "user"],
      ["overdue", "system"],
      ["reject", "system"],
    ]);
  });

  it("fires a due time that passed while the server was down on the next tick", async () => {
    f.rt.clock.set("2026-11-27T09:00:00.000Z");
    await f.tick();
    const appId = await f.install({ onOverdue: "auto_approve", due: { amount: 1, unit: "days" } });
    const { id, approvalId } = await request(appId);
    // Down for three days: no tick until then.
    f.rt.clock.advance(3 * DAY);
    await f.tick();
    expect((await f.approval(approvalId)).status).toBe("approved");
    expect((await f.get(appId, id)).stage).toBe("review");
  });

  it("rolls back an auto-decision whose move is refused, reports it once and leaves the approval pending", async () => {
    f.rt.clock.set("2026-12-07T09:00:00.000Z");
    const appId = await f.install({
      onOverdue: "auto_approve",
      due: { amount: 1, unit: "hours" },
      noNotesGuard: true,
    });
    const { id, approvalId } = await request(appId);
    const record = await f.get(appId, id);
    const patched = await f.rt.call(
      "PATCH",
      `/api/apps/${appId}/forms/doc/records/${id}`,
      f.rep.token,
      { data: { notes: "now the guard fails" } },
      { "if-match": String(record.version) },
    );
    expect(patched.statusCode).toBe(200);
    f.rt.clock.advance(HOUR);
    const first = await schedulerTick(f.rt.app.runtime, f.rt.clock.now());
    expect(first.errors).toEqual([{ appId, error: expect.stringContaining(approvalId) }]);
    const second = await schedulerTick(f.rt.app.runtime, f.rt.clock.now());
    expect(second.errors).toEqual([]);
    const approval = await f.approval(approvalId);
    expect(approval.status).toBe("pending");
    // The failed attempt left nothing behind: no overdue event, no decided task.
    expect(approval.trail.map((e) => e.action)).toEqual(["requested"]);
    expect(approval.tasks.map((t) => t.status)).toEqual(["pending"]);
    expect((await f.get(appId, id)).stage).toBe("draft");
    // A person can still decide once the record meets the guard again.
    const current = await f.get(appId, id);
    await f.rt.call(
      "PATCH",
      `/api/apps/${appId}/forms/doc/records/${id}`,
      f.rep.token,
      { data: { notes: null } },
      { "if-match": String(current.version) },
    );
    expect((await f.decide(approvalId, f.lead, { decision: "approve" })).statusCode).toBe(200);
    expect((await f.get(appId, id)).stage).toBe("review");
  });
});
