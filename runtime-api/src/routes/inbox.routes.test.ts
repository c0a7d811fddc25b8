import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApprovalFixture, type ApprovalFixture } from "../approvals/test-approval-app.js";

interface InboxBody {
  items: { kind: string; approvalId?: string; recordId: string; dueAt: string | null; overdue: boolean }[];
}
interface NotificationBody {
  id: string;
  title: { en: string };
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

// The inbox (open approval tasks, oldest due first) and in-app notifications.
describe("inbox and notifications", () => {
  let f: ApprovalFixture;
  beforeAll(async () => {
    f = await startApprovalFixture("2026-11-25T09:00:00.000Z");
  });
  afterAll(async () => {
    await f.close();
  });

  async function request(appId: string): Promise<string> {
    const record = await f.create(appId, { title: "Inbox", amount: 10 });
    const res = await f.move(appId, record.id, "review");
    expect(res.statusCode, res.body).toBe(202);
    return res.json<{ approvalId: string }>().approvalId;
  }

  it("lists the caller's open tasks, oldest due first, and drops decided ones", async () => {
    const late = await request(await f.install({ due: { amount: 8, unit: "hours" } }));
    f.rt.clock.advance(60_000);
    const soon = await request(await f.install({ due: { amount: 1, unit: "hours" } }));
    f.rt.clock.advance(60_000);
    const middle = await request(await f.install({ due: { amount: 4, unit: "hours" } }));
    const inbox = await f.rt.call("GET", "/api/inbox", f.lead.token);
    expect(inbox.statusCode).toBe(200);
    const items = inbox.json<InboxBody>().items;
    expect(items.map((i) => i.approvalId)).toEqual([soon, middle, late]);
    expect(items.every((i) => i.kind === "approval" && !i.overdue)).toBe(true);
    expect(items[0]?.dueAt).toBe("2026-11-25T10:01:00.000Z");
    expect((await f.rt.call("GET", "/api/inbox", f.outsider.token)).json<InboxBody>().items).toEqual([]);
    await f.decide(soon, f.lead, { decision: "approve" });
    const after = (await f.rt.call("GET", "/api/inbox", f.lead.token)).json<InboxBody>().items;
    expect(after.map((i) => i.approvalId)).toEqual([middle, late]);
  });

  it("lists the caller's notifications newest first, filters unread, marks one read", async () => {
    const res = await f.rt.call("GET", "/api/notifications", f.lead.token);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: NotificationBody[] }>().items;
    expect(items).toHaveLength(3);
    expect(items.every((n) => n.title.en.startsWith("Approval requested") && !n.read)).toBe(true);
    const created = items.map((n) => n.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const first = items[0];
    if (first === undefined) throw new Error("no notification");
    const read = await f.rt.call("POST", `/api/notifications/${first.id}/read`, f.lead.token);
    expect(read.statusCode).toBe(200);
    expect(read.json<NotificationBody>()).toMatchObject({
      id: first.id,
      read: true,
      readAt: f.rt.clock.now().toISOString(),
    });
    const unread = await f.rt.call("GET", "/api/notifications?unread=true", f.lead.token);
    expect(unread.json<{ items: NotificationBody[] }>().items.map((n) => n.id)).toEqual(
      items.slice(1).map((n) => n.id),
    );
    // Someone else's notification does not exist for the caller.
    expect(
      (await f.rt.call("POST", `/api/notifications/${first.id}/read`, f.outsider.token)).statusCode,
    ).toBe(404);
    expect((await f.rt.call("GET", "/api/notifications?limit=0", f.lead.token)).statusCode).toBe(400);
    expect((await f.rt.call("GET", "/api/inbox", null)).statusCode).toBe(401);
  });
});
