import type { Action, Rule } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import type { RecordState } from "../record-state.js";
import { planActions } from "./plan-actions.js";
import { NOW, testApp, text } from "./test-app.js";

function plan(
  actions: Action[],
  record: RecordState | undefined,
  options: { startAt?: number; payload?: unknown } = {},
) {
  const rule: Rule = { id: "r", trigger: { type: "record.created", form: "deal" }, actions };
  const app = testApp({ rules: [rule], timeZone: "Asia/Shanghai" });
  const compiled = app.rules.ruleById.get("r")!;
  return planActions(app, compiled, record, { now: NOW }, { runId: "run_1", ...options });
}

const deal: RecordState = {
  id: "d1",
  formId: "deal",
  stage: "signed",
  ownerId: "u_owner",
  data: { amount: 1200, region: "east", customer: "c9", contacts: ["c1", "", "c2", 3], name: "Acme" },
};

describe("planActions: one effect per action type", () => {
  it("set_field evaluates on the record, and later actions see the value", () => {
    const result = plan(
      [
        { type: "set_field", field: "discounted", value: { "*": [{ var: "amount" }, 0.9] } },
        { type: "set_field", field: "label", value: { cat: ["~", { var: "discounted" }] } },
      ],
      deal,
    );
    expect(result).toEqual({
      effects: [
        {
          type: "set_field",
          formId: "deal",
          recordId: "d1",
          field: "discounted",
          value: 1080,
          actionIndex: 0,
        },
        { type: "set_field", formId: "deal", recordId: "d1", field: "label", value: "~1080", actionIndex: 1 },
      ],
    });
  });

  it("create_record evaluates data, links back and repeats count times", () => {
    const action: Action = {
      type: "create_record",
      form: "follow_up",
      data: { note: { cat: ["Visit ", { var: "name" }] }, due: { var: "_id" } },
      linkField: "deal",
      count: 3,
    };
    expect(plan([action], deal).effects).toEqual([
      {
        type: "create_record",
        formId: "follow_up",
        data: { note: "Visit Acme", due: "d1", deal: "d1" },
        count: 3,
        actionIndex: 0,
      },
    ]);
    expect(
      plan([{ type: "create_record", form: "follow_up", data: action.data, linkField: "deal" }], undefined)
        .effects,
    ).toEqual([
      {
        type: "create_record",
        formId: "follow_up",
        data: { note: "Visit ", due: null },
        count: 1,
        actionIndex: 0,
      },
    ]);
  });

  it("update_records through a reference, with set, increment and reverseOnLeave", () => {
    const action: Action = {
      type: "update_records",
      form: "customer",
      target: { type: "reference", field: "customer" },
      set: { status: "active" },
      increment: { total: { var: "amount" }, visits: "2" },
      reverseOnLeave: true,
    };
    expect(plan([action], deal).effects).toEqual([
      {
        type: "update_records",
        formId: "customer",
        target: { type: "ids", ids: ["c9"] },
        set: { status: "active" },
        increment: { total: 1200, visits: 2 },
        reverseOnLeave: { recordId: "d1", stage: "signed" },
        actionIndex: 0,
      },
    ]);
    const many = plan([{ ...action, target: { type: "reference", field: "contacts" } }], deal).effects[0];
    expect(many).toMatchObject({ target: { type: "ids", ids: ["c1", "c2"] } });
    const noStage: RecordState = { id: deal.id, formId: deal.formId, data: deal.data };
    expect(plan([action], noStage).effects[0]).not.toHaveProperty("reverseOnLeave");
  });

  it("update_records skips an empty reference and needs a record for references", () => {
    const action: Action = {
      type: "update_records",
      form: "customer",
      target: { type: "reference", field: "none" },
    };
    expect(plan([action], deal).effects).toEqual([]);
    expect(plan([{ ...action, target: { type: "referencing", field: "deal" } }], undefined).effects).toEqual(
      [],
    );
    expect(plan([{ ...action, target: { type: "reference", field: "constructor" } }], deal).effects).toEqual(
      [],
    );
  });

  it("update_records through referencing records and through a filter resolved against the record", () => {
    const referencing = plan(
      [
        {
          type: "update_records",
          form: "follow_up",
          target: { type: "referencing", field: "deal" },
          set: { done: true },
        },
      ],
      deal,
    );
    expect(referencing.effects).toEqual([
      {
        type: "update_records",
        formId: "follow_up",
        target: { type: "referencing", field: "deal", recordId: "d1" },
        set: { done: true },
        increment: {},
        actionIndex: 0,
      },
    ]);
    const filter = plan(
      [
        {
          type: "update_records",
          form: "goal",
          target: {
            type: "filter",
            filter: [
              { field: "assignee", op: "eq", value: { this: "_owner" } },
              { field: "period_start", op: "lte", value: { today: true } },
              { field: "level", op: "eq", value: "person" },
            ],
          },
          increment: { actual: { var: "amount" } },
        },
      ],
      deal,
    );
    expect(filter.effects[0]).toMatchObject({
      target: {
        type: "filter",
        filter: [
          { field: "assignee", op: "eq", value: "u_owner" },
          { field: "period_start", op: "lte", value: "2026-03-02" },
          { field: "level", op: "eq", value: "person" },
        ],
      },
      increment: { actual: 1200 },
    });
    const noRecord = plan(
      [
        {
          type: "update_records",
          form: "goal",
          target: { type: "filter", filter: [{ field: "x", op: "not_set" }] },
        },
      ],
      undefined,
    );
    expect(noRecord.effects[0]).toMatchObject({
      target: { type: "filter", filter: [{ field: "x", op: "not_set" }] },
    });
  });

  it("update_records refuses an increment that is not a finite number", () => {
    const action = (value: unknown): Action => ({
      type: "update_records",
      form: "customer",
      target: { type: "referencing", field: "deal" },
      increment: { total: value as never },
    });
    expect(() => plan([action("abc")], deal)).toThrow(
      expect.objectContaining({ code: "increment_not_finite" }),
    );
    expect(() => plan([action(" ")], deal)).toThrow(
      expect.objectContaining({ code: "increment_not_finite" }),
    );
    expect(() => plan([action({ var: "missing" })], deal)).toThrow(
      expect.objectContaining({ code: "increment_not_finite", params: { field: "total", value: null } }),
    );
  });

  it("assign_owner: fixed, by field with fallback, round robin", () => {
    const fixed = plan([{ type: "assign_owner", strategy: { type: "fixed", userId: "u1" } }], deal);
    expect(fixed.effects).toEqual([
      {
        type: "assign_owner",
        formId: "deal",
        recordId: "d1",
        strategy: { type: "fixed", userId: "u1" },
        userId: "u1",
        actionIndex: 0,
      },
    ]);
    const map = [
      { value: "east", userId: "u_east" },
      { value: "east", userId: "u_second" },
      { value: "1200", userId: "u_number" },
    ];
    const byField = (field: string, fallback?: string): Action => ({
      type: "assign_owner",
      strategy: { type: "by_field", field, map, ...(fallback ? { fallback } : {}) },
    });
    expect(plan([byField("region")], deal).effects[0]).toMatchObject({ userId: "u_east" });
    expect(plan([byField("amount")], deal).effects[0]).toMatchObject({ userId: "u_number" });
    expect(
      plan([byField("contacts", "u_fb")], { ...deal, data: { contacts: [{}, "east"] } }).effects[0],
    ).toMatchObject({
      userId: "u_east",
    });
    expect(plan([byField("name", "u_fb")], deal).effects[0]).toMatchObject({ userId: "u_fb" });
    expect(plan([byField("name")], deal).effects).toEqual([]);
    const rr = plan([{ type: "assign_owner", strategy: { type: "round_robin", userIds: ["a", "b"] } }], deal);
    expect(rr.effects).toEqual([
      {
        type: "assign_owner",
        formId: "deal",
        recordId: "d1",
        strategy: { type: "round_robin", userIds: ["a", "b"] },
        actionIndex: 0,
      },
    ]);
  });

  it("notify renders {{field}} placeholders in both languages", () => {
    const result = plan(
      [
        {
          type: "notify",
          to: [{ type: "owner" }, { type: "role", role: "admin" }],
          title: text("Deal {{name}} won: {{ amount }}", "商机 {{name}} 赢单：{{amount}}"),
          body: text("Contacts: {{contacts}}; unknown: [{{nope}}] [{{_id}}] [{{constructor}}] {{not closed"),
        },
      ],
      deal,
    );
    expect(result.effects).toEqual([
      {
        type: "notify",
        recordId: "d1",
        to: [{ type: "owner" }, { type: "role", role: "admin" }],
        title: { en: "Deal Acme won: 1200", zh: "商机 Acme 赢单：1200" },
        body: {
          en: "Contacts: c1, c2, 3; unknown: [] [] [] {{not closed",
          zh: "Contacts: c1, c2, 3; unknown: [] [] [] {{not closed（中文）",
        },
        actionIndex: 0,
      },
    ]);
  });

  it("notify without a record keeps only users and roles, and skips when none are left", () => {
    const to = [
      { type: "owner" as const },
      { type: "user" as const, userIds: ["u1"] },
      { type: "field" as const, field: "x" },
    ];
    expect(plan([{ type: "notify", to, title: text("Weekly {{name}}") }], undefined).effects).toEqual([
      {
        type: "notify",
        to: [{ type: "user", userIds: ["u1"] }],
        title: { en: "Weekly ", zh: "Weekly （中文）" },
        actionIndex: 0,
      },
    ]);
    expect(
      plan([{ type: "notify", to: [{ type: "manager" }], title: text("x") }], undefined).effects,
    ).toEqual([]);
  });

  it("webhook: body evaluated, headers copied, idempotency key per run and action", () => {
    const headers = { "X-Team": "east" };
    const result = plan(
      [
        { type: "set_field", field: "flag", value: true },
        {
          type: "webhook",
          url: "https://hooks.example.com/deal",
          method: "PUT",
          headers,
          body: { cat: [{ var: "name" }, ":", { var: "_payload.source" }] },
        },
        { type: "webhook", url: "https://hooks.example.com/ping" },
      ],
      deal,
      { payload: { source: "crm" } },
    );
    expect(result.effects.slice(1)).toEqual([
      {
        type: "webhook",
        url: "https://hooks.example.com/deal",
        method: "PUT",
        headers: { "X-Team": "east" },
        body: "Acme:crm",
        idempotencyKey: "run_1:1",
        actionIndex: 1,
      },
      {
        type: "webhook",
        url: "https://hooks.example.com/ping",
        method: "POST",
        headers: {},
        body: null,
        idempotencyKey: "run_1:2",
        actionIndex: 2,
      },
    ]);
    const first = result.effects[1];
    expect(first?.type === "webhook" && first.headers).not.toBe(headers);
  });

  it("move_stage plans a move the runtime checks with transition", () => {
    expect(plan([{ type: "move_stage", to: "won" }], deal).effects).toEqual([
      { type: "move_stage", formId: "deal", recordId: "d1", to: "won", actionIndex: 0 },
    ]);
  });

  it("skips actions that need a record when there is none", () => {
    const actions: Action[] = [
      { type: "set_field", field: "x", value: 1 },
      { type: "assign_owner", strategy: { type: "fixed", userId: "u1" } },
      { type: "move_stage", to: "won" },
    ];
    expect(plan(actions, undefined)).toEqual({ effects: [] });
  });
});

describe("planActions wait and resume", () => {
  const actions: Action[] = [
    { type: "set_field", field: "step", value: 1 },
    { type: "wait", days: 1, hours: 2, minutes: 30 },
    { type: "webhook", url: "https://hooks.example.com/a" },
    { type: "wait", minutes: 0 },
    { type: "webhook", url: "https://hooks.example.com/b" },
    { type: "wait", hours: 1 },
  ];

  it("stops at a wait and returns where to resume", () => {
    const first = plan(actions, deal);
    expect(first).toEqual({
      effects: [
        { type: "set_field", formId: "deal", recordId: "d1", field: "step", value: 1, actionIndex: 0 },
        { type: "wait", until: "2026-03-03T12:00:00.000Z", resumeAt: 2, actionIndex: 1 },
      ],
      resumeAt: 2,
    });
  });

  it("continues after the wait with startAt, keeping action indexes in idempotency keys", () => {
    const second = plan(actions, deal, { startAt: 2 });
    expect(second).toEqual({
      effects: [
        expect.objectContaining({ type: "webhook", idempotencyKey: "run_1:2", actionIndex: 2 }),
        { type: "wait", until: NOW.replace("Z", ".000Z"), resumeAt: 4, actionIndex: 3 },
      ],
      resumeAt: 4,
    });
    const third = plan(actions, deal, { startAt: 4 });
    expect(third.effects.map((e) => [e.type, e.actionIndex])).toEqual([
      ["webhook", 4],
      ["wait", 5],
    ]);
    expect(third.resumeAt).toBe(6);
    expect(plan(actions, deal, { startAt: 6 })).toEqual({ effects: [] });
  });
});

describe("planActions action indexes", () => {
  it("gives each effect the index of the action that planned it, skipping actions that plan nothing", () => {
    const actions: Action[] = [
      { type: "notify", to: [{ type: "owner" }], title: text("To the owner") },
      { type: "set_field", field: "note", value: "x" },
      { type: "notify", to: [{ type: "owner" }, { type: "role", role: "admin" }], title: text("Both") },
      { type: "webhook", url: "https://hooks.example.com/x" },
      { type: "assign_owner", strategy: { type: "fixed", userId: "u1" } },
      { type: "create_record", form: "follow_up", data: {}, count: 2 },
      { type: "wait", minutes: 5 },
      { type: "move_stage", to: "won" },
    ];
    // Without a record: the owner-only notification, set_field and assign_owner plan nothing.
    const bare = plan(actions, undefined);
    expect(bare.effects.map((e) => [e.type, e.actionIndex])).toEqual([
      ["notify", 2],
      ["webhook", 3],
      ["create_record", 5],
      ["wait", 6],
    ]);
    expect(plan(actions, deal).effects.map((e) => e.actionIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(plan(actions, deal, { startAt: 7 }).effects.map((e) => e.actionIndex)).toEqual([7]);
  });
});
