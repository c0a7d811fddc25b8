import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApprovalFixture, type ApprovalFixture } from "./test-approval-app.js";

// Stage SLAs: the limit in working days, then remind owner → notify manager → reassign, fired by
// the scheduler tick; the overdue filter of record lists; overdue records in the inbox.
describe("stage SLAs", () => {
  let f: ApprovalFixture;
  let appId: string;
  beforeAll(async () => {
    f = await startApprovalFixture("2026-11-20T09:00:00.000Z"); // a Friday
    await f.tick();
    appId = await f.install({
      noReviewApproval: true,
      sla: {
        limit: { amount: 2, unit: "working_days" },
        escalation: [
          { after: { amount: 1, unit: "hours" }, action: "remind_owner" },
          { after: { amount: 1, unit: "days" }, action: "notify_manager" },
          { after: { amount: 2, unit: "days" }, action: "reassign" },
        ],
      },
    });
  });
  afterAll(async () => {
    await f.close();
  });

  const titles = async (userId: string, recordId: string) =>
    (
      await f.rt.database.db
        .selectFrom("notifications")
        .select("title")
        .where("user_id", "=", userId)
        .where("record_id", "=", recordId)
        .orderBy("created_at")
        .orderBy("id")
        .execute()
    ).map((row) => row.title.en);
  const overdueIds = async (value = "true") => {
    const res = await f.rt.call(
      "GET",
      `/api/apps/${appId}/forms/doc/records?overdue=${value}`,
      f.rt.ownerToken,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { id: string }[] }>().items.map((r) => r.id);
  };
  const inboxRecords = async (token: string) =>
    (await f.rt.call("GET", "/api/inbox", token))
      .json<{ items: { kind: string; recordId: string }[] }>()
      .items.filter((i) => i.kind === "overdue_record")
      .map((i) => i.recordId);

  it("marks a record overdue after two working days and walks the escalation chain", async () => {
    const record = await f.create(appId, { title: "Slow" });
    expect((await f.move(appId, record.id, "review")).statusCode).toBe(200);
    f.rt.clock.set("2026-11-24T08:59:00.000Z"); // Tuesday: Saturday and Sunday did not count
    await f.tick();
    expect(await overdueIds()).toEqual([]);
    f.rt.clock.set("2026-11-24T09:00:00.000Z");
    await f.tick();
    expect(await overdueIds()).toEqual([record.id]);
    expect(await overdueIds("false")).toEqual([]);
    expect(await inboxRecords(f.rep.token)).toEqual([record.id]);
    const runs = await f.rt.database.db
      .selectFrom("rule_runs")
      .select("rule_id")
      .where("record_id", "=", record.id)
      .where("rule_id", "=", "on_stage_overdue")
      .execute();
    expect(runs).toHaveLength(1);
    expect(await titles(f.rep.id, record.id)).toEqual([]);
    f.rt.clock.set("2026-11-24T10:00:00.000Z");
    await f.tick();
    await f.tick();
    expect(await titles(f.rep.id, record.id)).toEqual(["Stage overdue: Review"]);
    expect(await titles(f.lead.id, record.id)).toEqual([]);
    f.rt.clock.set("2026-11-25T09:00:00.000Z");
    await f.tick();
    expect(await titles(f.lead.id, record.id)).toEqual(["Stage overdue: Review"]);
    expect((await f.get(appId, record.id)).ownerId).toBe(f.rep.id);
    f.rt.clock.set("2026-11-26T09:00:00.000Z");
    await f.tick();
    expect((await f.get(appId, record.id)).ownerId).toBe(f.lead.id);
    expect(await titles(f.lead.id, record.id)).toEqual([
      "Stage overdue: Review",
      "Overdue record reassigned to you: Review",
    ]);
    expect(await inboxRecords(f.rep.token)).toEqual([]);
    expect(await inboxRecords(f.lead.token)).toEqual([record.id]);
    const history = await f.rt.call(
      "GET",
      `/api/apps/${appId}/forms/doc/records/${record.id}/history`,
      f.rt.ownerToken,
    );
    const last = history.json<{ kind: string; changes: unknown[]; actor: { type: string } }[]>().at(-1);
    expect(last).toMatchObject({
      kind: "updated",
      changes: [{ field: "_owner", old: f.rep.id, new: f.lead.id }],
      actor: { type: "system" },
    });
    // Leaving the stage ends its SLA.
    expect((await f.move(appId, record.id, "draft", f.lead)).statusCode).toBe(200);
    expect(await overdueIds()).toEqual([]);
  });

  it("catches up every escalation step in one tick after downtime", async () => {
    f.rt.clock.set("2026-11-30T09:00:00.000Z"); // Monday
    const record = await f.create(appId, { title: "Forgotten" });
    await f.move(appId, record.id, "review");
    f.rt.clock.set("2026-12-10T09:00:00.000Z");
    await f.tick();
    expect((await f.get(appId, record.id)).ownerId).toBe(f.lead.id);
    expect(await titles(f.rep.id, record.id)).toEqual(["Stage overdue: Review"]);
  });

  it("refuses an overdue filter that is not true or false", async () => {
    const res = await f.rt.call("GET", `/api/apps/${appId}/forms/doc/records?overdue=yes`, f.rt.ownerToken);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(["/query/overdue"]);
  });
});
