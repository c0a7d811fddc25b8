import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApprovalFixture, type ApprovalFixture, type Person } from "./test-approval-app.js";

interface InboxBody {
  items: { kind: string; approvalId?: string; appId: string; recordId: string }[];
}

// Approvals follow app sharing: a member sees and decides only approvals of apps shared with them,
// and an approval of any other app answers 404 exactly like one that does not exist.
describe("approvals scoped to app sharing", () => {
  let f: ApprovalFixture;
  let appA: string;
  let appB: string;
  let approvalA: string;
  let approvalB: string;
  let recordB: string;

  const unshare = async (appId: string, who: Person) => {
    const res = await f.rt.call("DELETE", `/api/apps/${appId}/members/${who.id}`, f.rt.ownerToken);
    expect(res.statusCode, res.body).toBe(204);
  };
  const share = async (appId: string, who: Person) => {
    const res = await f.rt.call("POST", `/api/apps/${appId}/members`, f.rt.ownerToken, { userId: who.id });
    expect(res.statusCode, res.body).toBe(201);
  };
  const request = async (appId: string): Promise<{ id: string; approvalId: string }> => {
    const record = await f.create(appId, { title: "Scoped", amount: 10 });
    const res = await f.move(appId, record.id, "review");
    expect(res.statusCode, res.body).toBe(202);
    return { id: record.id, approvalId: res.json<{ approvalId: string }>().approvalId };
  };
  const inbox = async (who: Person) => {
    const res = await f.rt.call("GET", "/api/inbox", who.token);
    expect(res.statusCode).toBe(200);
    return res.json<InboxBody>().items;
  };

  beforeAll(async () => {
    f = await startApprovalFixture();
    appA = await f.install();
    appB = await f.install();
    // The lead (the rep's manager) approves the first step of both apps, but B is not shared with them.
    await unshare(appB, f.lead);
    approvalA = (await request(appA)).approvalId;
    const b = await request(appB);
    approvalB = b.approvalId;
    recordB = b.id;
  });
  afterAll(async () => {
    await f.close();
  });

  it("lists in the inbox only the approvals of apps shared with the member", async () => {
    const items = await inbox(f.lead);
    expect(items.map((i) => [i.appId, i.approvalId])).toEqual([[appA, approvalA]]);
    // The task of B exists all the same: an admin reads it.
    const b = await f.approval(approvalB);
    expect(b.tasks.map((t) => [t.userId, t.status])).toEqual([[f.lead.id, "pending"]]);
  });

  it("answers 404 to reading an approval of an app not shared, as for an unknown one", async () => {
    const hidden = await f.rt.call("GET", `/api/approvals/${approvalB}`, f.lead.token);
    const unknown = await f.rt.call("GET", "/api/approvals/no-such-approval", f.lead.token);
    expect(hidden.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(hidden.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
    expect((await f.rt.call("GET", `/api/approvals/${approvalA}`, f.lead.token)).statusCode).toBe(200);
    const list = await f.rt.call("GET", `/api/approvals?recordId=${recordB}`, f.lead.token);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    const mine = await f.rt.call("GET", `/api/approvals?recordId=${recordB}`, f.rep.token);
    expect(mine.json<{ items: { id: string }[] }>().items.map((a) => a.id)).toEqual([approvalB]);
  });

  it("answers 404 to every decision, transfer and withdrawal on an app not shared", async () => {
    for (const decision of ["approve", "reject", "return"]) {
      const body = decision === "return" ? { decision, returnTo: "draft" } : { decision };
      const res = await f.decide(approvalB, f.lead, body);
      expect(res.statusCode, `${decision}: ${res.body}`).toBe(404);
    }
    const transfer = await f.rt.call("POST", `/api/approvals/${approvalB}/transfer`, f.lead.token, {
      to: f.boss.id,
    });
    expect(transfer.statusCode).toBe(404);
    // Nothing moved: the task of B is still open and its trail only holds the request.
    const b = await f.approval(approvalB);
    expect(b.status).toBe("pending");
    expect(b.trail.map((e) => e.action)).toEqual(["requested"]);
    // The requester who lost the app cannot withdraw either; a non-approver member of it hears 403.
    await unshare(appB, f.rep);
    const withdraw = await f.rt.call("POST", `/api/approvals/${approvalB}/withdraw`, f.rep.token, {});
    expect(withdraw.statusCode).toBe(404);
    expect((await f.decide(approvalB, f.outsider, { decision: "approve" })).statusCode).toBe(403);
    await share(appB, f.rep);
  });

  it("leaves out notifications of an app not shared, and answers 404 to marking one read", async () => {
    interface Note {
      id: string;
      appId: string | null;
    }
    const list = async () => {
      const res = await f.rt.call("GET", "/api/notifications", f.lead.token);
      expect(res.statusCode).toBe(200);
      return res.json<{ items: Note[] }>().items;
    };
    const stored = await f.rt.database.db
      .selectFrom("notifications")
      .select(["id", "app_id"])
      .where("user_id", "=", f.lead.id)
      .where("app_id", "=", appB)
      .execute();
    // The request in B notified the lead (they were its approver), but B is not shared with them.
    expect(stored).toHaveLength(1);
    const hidden = stored[0]?.id ?? "";
    const seen = await list();
    expect(seen.map((n) => n.appId)).toEqual([appA]);
    expect((await f.rt.call("POST", `/api/notifications/${hidden}/read`, f.lead.token)).statusCode).toBe(404);
    const shown = seen[0]?.id ?? "";
    const read = await f.rt.call("POST", `/api/notifications/${shown}/read`, f.lead.token);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: shown, read: true });
    // The refused read changed nothing: the hidden notification is still unread.
    const row = await f.rt.database.db
      .selectFrom("notifications")
      .select("read_at")
      .where("id", "=", hidden)
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it("keeps an approver who is a member of the app working, and admins and builders see every app", async () => {
    const a = await f.decide(approvalA, f.lead, { decision: "approve", comment: "shared with me" });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ status: "approved" });
    expect((await f.rt.call("GET", `/api/approvals/${approvalB}`, f.editor1.token)).statusCode).toBe(200);
    expect((await f.rt.call("GET", `/api/approvals/${approvalB}`, f.boss.token)).statusCode).toBe(200);
    // Shared again, the lead finds B's task in the inbox and decides it.
    await share(appB, f.lead);
    expect((await inbox(f.lead)).map((i) => i.approvalId)).toEqual([approvalB]);
    const b = await f.decide(approvalB, f.lead, { decision: "approve" });
    expect(b.statusCode, b.body).toBe(200);
    expect((await f.get(appB, recordB)).stage).toBe("review");
  });

  it("lists overdue records only of apps shared with their owner", async () => {
    const slaApp = await f.install({
      noReviewApproval: true,
      sla: {
        limit: { amount: 1, unit: "hours" },
        escalation: [{ after: { amount: 1, unit: "days" }, action: "remind_owner" }],
      },
    });
    const record = await f.create(slaApp, { title: "Late" });
    const moved = await f.move(slaApp, record.id, "review");
    expect(moved.statusCode, moved.body).toBe(200);
    f.rt.clock.advance(2 * 3_600_000);
    await f.tick();
    const late = (items: InboxBody["items"]) =>
      items.filter((i) => i.kind === "overdue_record").map((i) => i.recordId);
    expect(late(await inbox(f.rep))).toEqual([record.id]);
    await unshare(slaApp, f.rep);
    expect(late(await inbox(f.rep))).toEqual([]);
  });
});
