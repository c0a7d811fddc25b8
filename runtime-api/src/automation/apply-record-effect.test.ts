import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDefinition } from "@stagecraft/schemas";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { createApplyRecordEffect } from "./apply-record-effect.js";
import { createRuleExecutor } from "./rule-executor.js";
import { Worker } from "./worker.js";

const t = (s: string) => ({ zh: s, en: s });

/** Deals and their contracts: rules of every record action type, run end to end. */
const definition: AppDefinition = {
  id: "effects-app",
  name: t("Effects"),
  forms: [
    {
      id: "account",
      name: t("Account"),
      fields: [
        { id: "name", type: "text", label: t("Name"), required: true },
        { id: "won_total", type: "money", label: t("Won total") },
      ],
    },
    {
      id: "deal",
      name: t("Deal"),
      fields: [
        { id: "title", type: "text", label: t("Title"), required: true },
        { id: "account", type: "reference", form: "account", label: t("Account") },
        { id: "amount", type: "money", label: t("Amount") },
        { id: "tag", type: "text", label: t("Tag") },
      ],
      pipeline: {
        initial: "open",
        stages: [
          { id: "open", name: t("Open") },
          { id: "review", name: t("Review"), requires: ["amount"] },
          { id: "won", name: t("Won"), terminal: "won" },
        ],
      },
    },
    {
      id: "task",
      name: t("Task"),
      fields: [
        { id: "subject", type: "text", label: t("Subject"), required: true },
        { id: "deal", type: "reference", form: "deal", label: t("Deal") },
      ],
    },
  ],
  rules: [
    {
      id: "tag_new",
      trigger: { type: "record.created", form: "deal" },
      actions: [
        { type: "set_field", field: "tag", value: { cat: ["new:", { var: "title" }] } },
        {
          type: "create_record",
          form: "task",
          data: { subject: { cat: ["Call about ", { var: "title" }] } },
          linkField: "deal",
        },
        {
          type: "notify",
          to: [{ type: "owner" }, { type: "role", role: "builder" }],
          title: t("New deal {{title}}"),
        },
      ],
    },
    {
      id: "on_won",
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      actions: [
        {
          type: "update_records",
          form: "account",
          target: { type: "reference", field: "account" },
          increment: { won_total: { var: "amount" } },
          reverseOnLeave: true,
        },
      ],
    },
    {
      id: "auto_review",
      trigger: { type: "field.changed", form: "deal", fields: ["amount"] },
      when: { ">": [{ var: "amount" }, 0] },
      actions: [{ type: "move_stage", to: "review" }],
    },
    {
      id: "bad_move",
      trigger: { type: "field.changed", form: "deal", fields: ["tag"] },
      when: { "==": [{ var: "tag" }, "force"] },
      actions: [{ type: "move_stage", to: "review" }],
    },
  ],
};

describe("rule runs applying record effects end to end", () => {
  let rt: TestRuntime;
  let worker: Worker;
  let appId: string;
  const base = (form: string) => `/api/apps/${appId}/forms/${form}/records`;

  /** Run every due rule run, including the ones earlier runs enqueued. */
  async function drain(): Promise<void> {
    for (let i = 0; i < 20; i++) if ((await worker.runOnce(rt.clock.now(), 10)) === 0) return;
  }

  beforeAll(async () => {
    rt = await startTestRuntime();
    const runtime = rt.app.runtime;
    worker = new Worker(
      runtime,
      createRuleExecutor(runtime, createApplyRecordEffect(runtime), { webhookSecret: "test" }),
      {
        random: () => 0.5,
      },
    );
    const res = await rt.call("POST", "/api/apps", rt.ownerToken, { definition });
    expect(res.statusCode).toBe(201);
    appId = res.json<{ id: string }>().id;
    await rt.call("POST", "/api/users", rt.ownerToken, {
      email: "b@example.com",
      name: "B",
      password: "builder-pass",
      role: "builder",
    });
  });
  afterAll(async () => {
    await rt.close();
  });

  it("sets fields, creates linked records and notifies, once each, with the rule in the history", async () => {
    const deal = (await rt.call("POST", base("deal"), rt.ownerToken, { data: { title: "Acme" } })).json<{
      id: string;
    }>();
    await drain();
    const after = (await rt.call("GET", `${base("deal")}/${deal.id}`, rt.ownerToken)).json<{
      data: Record<string, unknown>;
    }>();
    expect(after.data["tag"]).toBe("new:Acme");
    const tasks = (await rt.call("GET", base("task"), rt.ownerToken)).json<{
      items: { data: Record<string, unknown> }[];
    }>();
    expect(tasks.items.map((i) => i.data)).toEqual([{ subject: "Call about Acme", deal: deal.id }]);
    const notes = await rt.database.db.selectFrom("notifications").select(["user_id", "title"]).execute();
    expect(notes).toHaveLength(2);
    expect(notes.map((n) => n.title.en)).toEqual(["New deal Acme", "New deal Acme"]);
    const history = (await rt.call("GET", `${base("deal")}/${deal.id}/history`, rt.ownerToken)).json<
      { kind: string; actor: { type: string; id: string } }[]
    >();
    expect(history.map((h) => [h.kind, h.actor.type])).toEqual([
      ["created", "user"],
      ["updated", "rule"],
    ]);
    expect(history[1]?.actor.id).toBe("tag_new");
    const runs = (await rt.call("GET", `/api/apps/${appId}/runs`, rt.ownerToken)).json<
      { ruleId: string; status: string }[]
    >();
    expect(runs.filter((r) => r.ruleId === "tag_new").map((r) => r.status)).toEqual(["succeeded"]);
  });

  it("keeps every increment when concurrent runs credit the same record", async () => {
    const account = (
      await rt.call("POST", base("account"), rt.ownerToken, { data: { name: "Busy Ltd", won_total: 0 } })
    ).json<{ id: string }>();
    const deals: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await rt.call("POST", base("deal"), rt.ownerToken, {
        data: { title: `Deal ${i}`, account: account.id, amount: 10 + i },
      });
      deals.push(res.json<{ id: string }>().id);
    }
    await drain();
    for (const id of deals) {
      const current = (await rt.call("GET", `${base("deal")}/${id}`, rt.ownerToken)).json<{
        version: number;
      }>();
      const won = await rt.call(
        "POST",
        `${base("deal")}/${id}/transition`,
        rt.ownerToken,
        { to: "won" },
        {
          "if-match": String(current.version),
        },
      );
      expect(won.statusCode, won.body).toBe(200);
    }
    // Three workers take the six on_won runs at once (truly concurrent on Postgres).
    const runtime = rt.app.runtime;
    const workers = [1, 2, 3].map(
      () =>
        new Worker(
          runtime,
          createRuleExecutor(runtime, createApplyRecordEffect(runtime), { webhookSecret: "t" }),
          {
            random: () => 0.5,
          },
        ),
    );
    for (let pass = 0; pass < 20; pass++) {
      const ran = await Promise.all(workers.map((w) => w.runOnce(rt.clock.now(), 2)));
      if (ran.every((n) => n === 0)) break;
    }
    const credited = (await rt.call("GET", `${base("account")}/${account.id}`, rt.ownerToken)).json<{
      data: Record<string, unknown>;
    }>();
    expect(credited.data["won_total"]).toBe(10 + 11 + 12 + 13 + 14 + 15);
  });

  it("moves a record through a rule (guards apply) and increments the referenced record, undone when the record leaves the stage", async () => {
    const account = (
      await rt.call("POST", base("account"), rt.ownerToken, { data: { name: "Acme Ltd", won_total: 100 } })
    ).json<{ id: string }>();
    const deal = (
      await rt.call("POST", base("deal"), rt.ownerToken, { data: { title: "Big", account: account.id } })
    ).json<{ id: string; version: number }>();
    await drain();
    const current = (await rt.call("GET", `${base("deal")}/${deal.id}`, rt.ownerToken)).json<{
      version: number;
    }>();
    await rt.call(
      "PATCH",
      `${base("deal")}/${deal.id}`,
      rt.ownerToken,
      { data: { amount: 50 } },
      { "if-match": String(current.version) },
    );
    await drain();
    const moved = (await rt.call("GET", `${base("deal")}/${deal.id}`, rt.ownerToken)).json<{
      stage: string;
    }>();
    expect(moved.stage).toBe("review");

    const won = await rt.call("POST", `${base("deal")}/${deal.id}/transition`, rt.ownerToken, { to: "won" });
    expect(won.statusCode).toBe(200);
    await drain();
    const credited = (await rt.call("GET", `${base("account")}/${account.id}`, rt.ownerToken)).json<{
      data: Record<string, unknown>;
    }>();
    expect(credited.data["won_total"]).toBe(150);
    const reversible = await rt.database.db
      .selectFrom("reversible_effects")
      .selectAll()
      .where("source_record_id", "=", deal.id)
      .execute();
    expect(reversible).toHaveLength(1);

    // Re-opened: the credit is taken back once, and a second exit finds nothing left to undo.
    expect(
      (await rt.call("POST", `${base("deal")}/${deal.id}/transition`, rt.ownerToken, { to: "review" }))
        .statusCode,
    ).toBe(200);
    const debited = (await rt.call("GET", `${base("account")}/${account.id}`, rt.ownerToken)).json<{
      data: Record<string, unknown>;
    }>();
    expect(debited.data["won_total"]).toBe(100);
    expect(
      (await rt.call("POST", `${base("deal")}/${deal.id}/transition`, rt.ownerToken, { to: "open" }))
        .statusCode,
    ).toBe(200);
    const unchanged = (await rt.call("GET", `${base("account")}/${account.id}`, rt.ownerToken)).json<{
      data: Record<string, unknown>;
    }>();
    expect(unchanged.data["won_total"]).toBe(100);
    const undone = await rt.database.db
      .selectFrom("reversible_effects")
      .select("reversed_at")
      .where("source_record_id", "=", deal.id)
      .execute();
    expect(undone.every((r) => r.reversed_at !== null)).toBe(true);
  });

  it("fails a run whose move the stage guards refuse, saying why, without retrying it", async () => {
    const deal = (await rt.call("POST", base("deal"), rt.ownerToken, { data: { title: "No amount" } })).json<{
      id: string;
    }>();
    await drain();
    const current = (await rt.call("GET", `${base("deal")}/${deal.id}`, rt.ownerToken)).json<{
      version: number;
    }>();
    await rt.call(
      "PATCH",
      `${base("deal")}/${deal.id}`,
      rt.ownerToken,
      { data: { tag: "force" } },
      { "if-match": String(current.version) },
    );
    await drain();
    const runs = (await rt.call("GET", `/api/apps/${appId}/runs?ruleId=bad_move`, rt.ownerToken)).json<
      { status: string; error: string; attempts: number }[]
    >();
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe("failed");
    expect(runs[0]?.attempts).toBe(1);
    expect(runs[0]?.error).toMatch(/amount/);
    const still = (await rt.call("GET", `${base("deal")}/${deal.id}`, rt.ownerToken)).json<{
      stage: string;
    }>();
    expect(still.stage).toBe("open");
  });
});

/** A contract whose approval to sign locks its amount; rules that write the amount and move it. */
const approvalDefinition: AppDefinition = {
  id: "approval-lock",
  name: t("Approval lock"),
  forms: [
    {
      id: "contract",
      name: t("Contract"),
      fields: [
        { id: "title", type: "text", label: t("Title"), required: true },
        { id: "amount", type: "money", label: t("Amount") },
        { id: "tag", type: "text", label: t("Tag") },
      ],
      pipeline: {
        initial: "draft",
        stages: [
          { id: "draft", name: t("Draft") },
          {
            id: "signed",
            name: t("Signed"),
            approval: {
              on: "enter",
              covers: ["amount"],
              steps: [{ id: "admin_ok", approvers: [{ type: "role", role: "admin" }], mode: "any" }],
            },
          },
        ],
      },
    },
  ],
  rules: [
    {
      id: "reprice",
      trigger: { type: "field.changed", form: "contract", fields: ["tag"] },
      when: { "==": [{ var: "tag" }, "reprice"] },
      actions: [{ type: "set_field", field: "amount", value: 900 }],
    },
    {
      id: "redo",
      trigger: { type: "field.changed", form: "contract", fields: ["tag"] },
      when: { "==": [{ var: "tag" }, "redo"] },
      actions: [{ type: "move_stage", to: "draft" }],
    },
    {
      id: "blank_title",
      trigger: { type: "field.changed", form: "contract", fields: ["tag"] },
      when: { "==": [{ var: "tag" }, "blank"] },
      actions: [{ type: "set_field", field: "title", value: "" }],
    },
  ],
};

describe("rule runs refused while an approval holds the record", () => {
  let rt: TestRuntime;
  let worker: Worker;
  let appId: string;
  const base = () => `/api/apps/${appId}/forms/contract/records`;

  interface Run {
    status: string;
    error: string | null;
    attempts: number;
  }
  const runsOf = async (ruleId: string): Promise<Run[]> =>
    (await rt.call("GET", `/api/apps/${appId}/runs?ruleId=${ruleId}`, rt.ownerToken)).json<Run[]>();
  async function drain(): Promise<void> {
    for (let i = 0; i < 20; i++) if ((await worker.runOnce(rt.clock.now(), 10)) === 0) return;
  }
  /** Set the tag (not covered by the approval) of a record at its current version. */
  async function tag(id: string, value: string): Promise<void> {
    const current = (await rt.call("GET", `${base()}/${id}`, rt.ownerToken)).json<{ version: number }>();
    const res = await rt.call(
      "PATCH",
      `${base()}/${id}`,
      rt.ownerToken,
      { data: { tag: value } },
      { "if-match": String(current.version) },
    );
    expect(res.statusCode, res.body).toBe(200);
  }

  beforeAll(async () => {
    rt = await startTestRuntime();
    const runtime = rt.app.runtime;
    worker = new Worker(
      runtime,
      createRuleExecutor(runtime, createApplyRecordEffect(runtime), { webhookSecret: "test" }),
      { random: () => 0.5 },
    );
    const res = await rt.call("POST", "/api/apps", rt.ownerToken, { definition: approvalDefinition });
    expect(res.statusCode, res.body).toBe(201);
    appId = res.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await rt.close();
  });

  it("retries a write of a field the pending approval locks, and applies it once the approval is decided", async () => {
    const created = await rt.call("POST", base(), rt.ownerToken, { data: { title: "Lease", amount: 500 } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const moved = await rt.call(
      "POST",
      `${base()}/${id}/transition`,
      rt.ownerToken,
      { to: "signed" },
      {
        "if-match": "1",
      },
    );
    expect(moved.statusCode, moved.body).toBe(202);
    const { approvalId } = moved.json<{ approvalId: string }>();

    await tag(id, "reprice");
    await drain();
    const [waiting] = await runsOf("reprice");
    expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
    expect(waiting?.error).toMatch(/locked while approval/);

    const decided = await rt.call("POST", `/api/approvals/${approvalId}/decision`, rt.ownerToken, {
      decision: "approve",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    rt.clock.advance(60 * 60 * 1000);
    await drain();
    expect(await runsOf("reprice")).toEqual([expect.objectContaining({ status: "succeeded", attempts: 2 })]);
    const record = (await rt.call("GET", `${base()}/${id}`, rt.ownerToken)).json<{
      stage: string;
      data: Record<string, unknown>;
    }>();
    expect(record.stage).toBe("signed");
    expect(record.data["amount"]).toBe(900);
  });

  it("retries a move of a record waiting for approval, and moves it once the approval is decided", async () => {
    const created = await rt.call("POST", base(), rt.ownerToken, { data: { title: "Lease 2" } });
    const id = created.json<{ id: string }>().id;
    const moved = await rt.call(
      "POST",
      `${base()}/${id}/transition`,
      rt.ownerToken,
      { to: "signed" },
      { "if-match": "1" },
    );
    expect(moved.statusCode, moved.body).toBe(202);
    await tag(id, "redo");
    await drain();
    const [waiting] = await runsOf("redo");
    expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
    expect(waiting?.error).toMatch(/waiting for approval/);
    const { approvalId } = moved.json<{ approvalId: string }>();
    const decided = await rt.call("POST", `/api/approvals/${approvalId}/decision`, rt.ownerToken, {
      decision: "approve",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    rt.clock.advance(60 * 60 * 1000);
    await drain();
    expect(await runsOf("redo")).toEqual([expect.objectContaining({ status: "succeeded", attempts: 2 })]);
    const record = (await rt.call("GET", `${base()}/${id}`, rt.ownerToken)).json<{ stage: string }>();
    expect(record.stage).toBe("draft");
  });

  it("still fails at once a write the record refuses for another reason", async () => {
    const created = await rt.call("POST", base(), rt.ownerToken, { data: { title: "Loan", amount: 100 } });
    const id = created.json<{ id: string }>().id;
    await tag(id, "blank");
    await drain();
    expect(await runsOf("blank_title")).toEqual([
      expect.objectContaining({ status: "failed", attempts: 1, error: expect.stringMatching(/title/) }),
    ]);
  });
});
