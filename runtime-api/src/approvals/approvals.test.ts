import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApprovalFixture, type ApprovalFixture } from "./test-approval-app.js";

// Approvals through the API: modes, chains, decisions, transfer, withdraw, locks, the trail.
describe("approvals", () => {
  let f: ApprovalFixture;
  let appId: string;
  beforeAll(async () => {
    f = await startApprovalFixture();
    appId = await f.install();
  });
  afterAll(async () => {
    await f.close();
  });

  const ruleRuns = async (recordId: string) =>
    (
      await f.rt.database.db
        .selectFrom("rule_runs")
        .select("rule_id")
        .where("record_id", "=", recordId)
        .orderBy("created_at")
        .orderBy("rule_id")
        .execute()
    ).map((row) => row.rule_id);

  async function requested(data: Record<string, unknown>): Promise<{ id: string; approvalId: string }> {
    const record = await f.create(appId, { title: "Plan", ...data });
    const res = await f.move(appId, record.id, "review");
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json<{ approvalId: string; status: string }>();
    expect(body).toEqual({ approvalId: expect.any(String), status: "approval_required" });
    return { id: record.id, approvalId: body.approvalId };
  }

  it("chains an any step (the owner's manager) and an all step (two users), moving only at the end", async () => {
    const { id, approvalId } = await requested({ amount: 5000 });
    expect((await f.get(appId, id)).stage).toBe("draft");
    let approval = await f.approval(approvalId);
    expect(approval).toMatchObject({ status: "pending", stepIndex: 0, toStage: "review" });
    expect(approval.tasks.map((t) => [t.userId, t.status])).toEqual([[f.lead.id, "pending"]]);
    expect((await f.decide(approvalId, f.outsider, { decision: "approve" })).statusCode).toBe(403);
    // Finance is an approver only once its step opens.
    expect((await f.decide(approvalId, f.fin1, { decision: "approve" })).statusCode).toBe(403);
    const first = await f.decide(approvalId, f.lead, { decision: "approve", comment: "fine by me" });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: "pending", stepIndex: 1 });
    expect((await f.decide(approvalId, f.lead, { decision: "approve" })).statusCode).toBe(409);
    expect((await f.decide(approvalId, f.fin1, { decision: "approve" })).statusCode).toBe(200);
    expect((await f.get(appId, id)).stage).toBe("draft");
    expect((await f.decide(approvalId, f.fin1, { decision: "approve" })).statusCode).toBe(409);
    const last = await f.decide(approvalId, f.fin2, { decision: "approve" });
    expect(last.json()).toMatchObject({ status: "approved" });
    const moved = await f.get(appId, id);
    expect(moved.stage).toBe("review");
    // Formulas that read the stage are recomputed by the move itself.
    expect(moved.data["where"]).toBe("at review");
    approval = await f.approval(approvalId);
    expect(approval.tasks.map((t) => [t.stepId, t.status, t.comment])).toEqual([
      ["lead", "approved", "fine by me"],
      ["finance", "approved", null],
      ["finance", "approved", null],
    ]);
    expect(approval.trail.map((e) => e.action)).toEqual(["requested", "approve", "approve", "approve"]);
    expect((await f.decide(approvalId, f.fin2, { decision: "reject" })).statusCode).toBe(409);
    expect(await ruleRuns(id)).toEqual(expect.arrayContaining(["on_requested", "on_approved"]));
    const history = await f.rt.call(
      "GET",
      `/api/apps/${appId}/forms/doc/records/${id}/history`,
      f.rt.ownerToken,
    );
    const kinds = history
      .json<{ kind: string; detail?: { action: string } }[]>()
      .map((e) => (e.kind === "approval" ? `approval:${e.detail?.action ?? ""}` : e.kind));
    expect(kinds).toEqual([
      "created",
      "approval:requested",
      "approval:approve",
      "approval:approve",
      "approval:approve",
      "transitioned",
    ]);
  });

  it("skips a step whose condition is false", async () => {
    const { id, approvalId } = await requested({ amount: 500 });
    expect((await f.approval(approvalId)).tasks).toHaveLength(1);
    expect((await f.decide(approvalId, f.lead, { decision: "approve" })).json()).toMatchObject({
      status: "approved",
    });
    expect((await f.get(appId, id)).stage).toBe("review");
  });

  it("rejects an enter approval: the record stays, approval.rejected rules run", async () => {
    const { id, approvalId } = await requested({ amount: 5000 });
    const res = await f.decide(approvalId, f.lead, { decision: "reject", comment: "too much" });
    expect(res.json()).toMatchObject({ status: "rejected" });
    expect((await f.get(appId, id)).stage).toBe("draft");
    expect(await ruleRuns(id)).toContain("on_rejected");
    expect((await f.decide(approvalId, f.lead, { decision: "approve" })).statusCode).toBe(409);
    // Once decided, the record may ask again.
    expect((await f.move(appId, id, "review")).statusCode).toBe(202);
  });

  async function published(): Promise<string> {
    const { id, approvalId } = await requested({ amount: 10 });
    await f.decide(approvalId, f.lead, { decision: "approve" });
    const res = await f.move(appId, id, "published");
    expect(res.statusCode, res.body).toBe(200);
    return id;
  }

  it("asks to leave a stage; reject sends the record back to the stage before it", async () => {
    const id = await published();
    const asked = await f.move(appId, id, "archived");
    expect(asked.statusCode).toBe(202);
    const { approvalId } = asked.json<{ approvalId: string }>();
    expect((await f.approval(approvalId)).tasks.map((t) => t.userId).sort()).toEqual(
      [f.editor1.id, f.editor2.id].sort(),
    );
    await f.decide(approvalId, f.editor1, { decision: "reject" });
    expect((await f.get(appId, id)).stage).toBe("review");
  });

  it("returns to a chosen earlier stage, and refuses a stage that is not earlier", async () => {
    const id = await published();
    const { approvalId } = (await f.move(appId, id, "archived")).json<{ approvalId: string }>();
    const bad = await f.decide(approvalId, f.editor1, { decision: "return", returnTo: "archived" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(["/returnTo"]);
    const missing = await f.decide(approvalId, f.editor1, { decision: "return" });
    expect(missing.statusCode).toBe(422);
    const res = await f.decide(approvalId, f.editor1, {
      decision: "return",
      returnTo: "draft",
      comment: "redo",
    });
    expect(res.json()).toMatchObject({ status: "returned" });
    expect((await f.get(appId, id)).stage).toBe("draft");
    expect((await f.decide(approvalId, f.editor2, { decision: "approve" })).statusCode).toBe(409);
  });

  it("lets exactly one of two concurrent decisions on an any step win", async () => {
    const id = await published();
    const { approvalId } = (await f.move(appId, id, "archived")).json<{ approvalId: string }>();
    const answers = await Promise.all([
      f.decide(approvalId, f.editor1, { decision: "approve" }),
      f.decide(approvalId, f.editor2, { decision: "reject" }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const approval = await f.approval(approvalId);
    expect(approval.trail.filter((e) => e.action === "approve" || e.action === "reject")).toHaveLength(1);
    expect((await f.get(appId, id)).stage).toBe(approval.status === "approved" ? "archived" : "review");
  });

  it("transfers a task to another user, who then decides", async () => {
    const { id, approvalId } = await requested({ amount: 10 });
    const unknown = await f.rt.call("POST", `/api/approvals/${approvalId}/transfer`, f.lead.token, {
      to: "nobody",
    });
    expect(unknown.statusCode).toBe(422);
    expect(
      (await f.rt.call("POST", `/api/approvals/${approvalId}/transfer`, f.outsider.token, { to: f.boss.id }))
        .statusCode,
    ).toBe(403);
    const moved = await f.rt.call("POST", `/api/approvals/${approvalId}/transfer`, f.lead.token, {
      to: f.boss.id,
      comment: "you decide",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await f.decide(approvalId, f.lead, { decision: "approve" })).statusCode).toBe(409);
    expect((await f.decide(approvalId, f.boss, { decision: "approve" })).statusCode).toBe(200);
    const approval = await f.approval(approvalId);
    expect(approval.tasks.map((t) => [t.userId, t.status, t.transferredFrom])).toEqual([
      [f.lead.id, "transferred", null],
      [f.boss.id, "approved", f.lead.id],
    ]);
    expect((await f.get(appId, id)).stage).toBe("review");
  });

  it("lets only the requester withdraw, while pending", async () => {
    const { id, approvalId } = await requested({ amount: 10 });
    const path = `/api/approvals/${approvalId}/withdraw`;
    expect((await f.rt.call("POST", path, f.lead.token, {})).statusCode).toBe(403);
    const res = await f.rt.call("POST", path, f.rep.token, { comment: "not yet" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "withdrawn" });
    expect((await f.rt.call("POST", path, f.rep.token)).statusCode).toBe(409);
    expect((await f.decide(approvalId, f.lead, { decision: "approve" })).statusCode).toBe(409);
    expect((await f.get(appId, id)).stage).toBe("draft");
  });

  it("locks covered fields and further moves while pending", async () => {
    const { id, approvalId } = await requested({ amount: 10 });
    const record = await f.get(appId, id);
    const url = `/api/apps/${appId}/forms/doc/records/${id}`;
    const headers = { "if-match": String(record.version) };
    const locked = await f.rt.call("PATCH", url, f.rep.token, { data: { amount: 20 } }, headers);
    expect(locked.statusCode).toBe(409);
    const problem = locked.json<{ detail: string; errors: { path: string; code: string }[] }>();
    expect(problem.detail).toContain('"Amount"');
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: "/data/amount", code: "locked_by_approval" }),
    ]);
    const free = await f.rt.call("PATCH", url, f.rep.token, { data: { notes: "still editable" } }, headers);
    expect(free.statusCode, free.body).toBe(200);
    const again = await f.move(appId, id, "published");
    expect(again.statusCode).toBe(409);
    expect(again.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe("approval_pending");
    await f.decide(approvalId, f.lead, { decision: "approve" });
    const after = await f.get(appId, id);
    const unlocked = await f.rt.call(
      "PATCH",
      url,
      f.rep.token,
      { data: { amount: 20 } },
      {
        "if-match": String(after.version),
      },
    );
    expect(unlocked.statusCode).toBe(200);
  });

  it("recomputes formulas that read the stage on a plain move, in the move's audit event", async () => {
    const id = await published();
    expect((await f.get(appId, id)).data["where"]).toBe("at published");
    const history = await f.rt.call(
      "GET",
      `/api/apps/${appId}/forms/doc/records/${id}/history`,
      f.rt.ownerToken,
    );
    const moves = history
      .json<
        {
          kind: string;
          toStage: string | null;
          changes: { field: string; old: unknown; new: unknown }[];
        }[]
      >()
      .filter((e) => e.kind === "transitioned");
    expect(moves.map((e) => [e.toStage, e.changes])).toEqual([
      ["review", [{ field: "where", old: "at draft", new: "at review" }]],
      ["published", [{ field: "where", old: "at review", new: "at published" }]],
    ]);
  });

  it("lists a record's approvals, and withdraws a pending one when the record is deleted", async () => {
    const { id, approvalId } = await requested({ amount: 10 });
    const list = await f.rt.call("GET", `/api/approvals?recordId=${id}`, f.rt.ownerToken);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string; status: string }[] }>().items).toEqual([
      expect.objectContaining({ id: approvalId, status: "pending" }),
    ]);
    expect((await f.rt.call("GET", "/api/approvals", f.rt.ownerToken)).statusCode).toBe(400);
    const record = await f.get(appId, id);
    const deleted = await f.rt.call(
      "DELETE",
      `/api/apps/${appId}/forms/doc/records/${id}`,
      f.rep.token,
      undefined,
      {
        "if-match": String(record.version),
      },
    );
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await f.approval(approvalId)).status).toBe("withdrawn");
    const inbox = await f.rt.call("GET", "/api/inbox", f.lead.token);
    expect(inbox.json<{ items: { approvalId?: string }[] }>().items.map((i) => i.approvalId)).not.toContain(
      approvalId,
    );
  });

  it("answers 404 for an unknown approval and 400 for a bad decision", async () => {
    expect((await f.rt.call("GET", "/api/approvals/nope", f.rt.ownerToken)).statusCode).toBe(404);
    expect((await f.decide("nope", f.lead, { decision: "approve" })).statusCode).toBe(404);
    const bad = await f.decide("nope", f.lead, { decision: "maybe", extra: 1 });
    expect(bad.statusCode).toBe(400);
  });
});
