import type { Action, Rule, Trigger } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import type { RecordState } from "../record-state.js";
import { matchRules } from "./match-rules.js";
import type { RecordEvent } from "./record-event.js";
import { NOW, testApp, text } from "./test-app.js";

const act: Action[] = [{ type: "move_stage", to: "won" }];

function rule(id: string, trigger: Trigger, extra: Partial<Rule> = {}): Rule {
  return { id, trigger, actions: act, ...extra };
}

const rules: Rule[] = [
  rule("created", { type: "record.created", form: "deal" }),
  rule("created_lead", { type: "record.created", form: "lead" }),
  rule("created_disabled", { type: "record.created", form: "deal" }, { enabled: false }),
  rule("created_big", { type: "record.created", form: "deal" }, { when: { ">": [{ var: "amount" }, 100] } }),
  rule(
    "created_broken",
    { type: "record.created", form: "deal" },
    { when: { var: { cat: ["__pro", "to__"] } } },
  ),
  rule(
    "updated_amount",
    { type: "record.updated", form: "deal" },
    { when: { "!=": [{ var: "_previous.amount" }, { var: "amount" }] } },
  ),
  rule("changed_amount", { type: "field.changed", form: "deal", fields: ["amount", "note", "amount"] }),
  rule("changed_owner", { type: "field.changed", form: "deal", fields: ["owner_note"] }),
  rule("entered_won", { type: "stage.entered", form: "deal", stage: "won" }),
  rule("entered_any", { type: "stage.entered", form: "deal" }),
  rule("left_signed", { type: "stage.left", form: "deal", stage: "signed" }),
  rule("overdue_any", { type: "stage.overdue", form: "deal" }),
  rule("idle_new_3", { type: "record.idle", form: "deal", days: 3, stage: "new" }),
  rule("idle_any_7", { type: "record.idle", form: "deal", days: 7 }),
  rule("renewal_60", { type: "date.offset", form: "deal", field: "end_date", days: -60 }),
  rule("requested", { type: "approval.requested", form: "deal", stage: "quotation" }),
  rule("approved", { type: "approval.approved", form: "deal" }),
  rule("rejected", { type: "approval.rejected", form: "deal", stage: "quotation" }),
  rule("approval_overdue", { type: "approval.overdue", form: "deal" }),
  rule("daily", { type: "schedule", cron: "0 9 * * *", timeZone: "Asia/Shanghai", form: "deal" }),
  rule("daily_off", { type: "schedule", cron: "0 9 * * *", timeZone: "UTC" }, { enabled: false }),
  rule("hook", { type: "webhook" }, { when: { "==": [{ var: "_payload.kind" }, "ping"] } }),
  rule("button", { type: "manual", form: "deal", label: text("Escalate") }),
];

const app = testApp({ rules, cascadeDepth: 3 });
const ctx = { now: NOW };
const deal: RecordState = { id: "d1", formId: "deal", stage: "new", data: { amount: 500, note: "x" } };
const base = { formId: "deal", record: deal, depth: 0 };

function ids(event: RecordEvent): string[] {
  return matchRules(app, event, ctx).rules.map((r) => r.id);
}

describe("matchRules by trigger", () => {
  it("record.created: by form, enabled, `when` holding; a failing `when` does not match", () => {
    expect(ids({ type: "record.created", ...base })).toEqual(["created", "created_big"]);
    expect(ids({ type: "record.created", ...base, record: { ...deal, data: { amount: 5 } } })).toEqual([
      "created",
    ]);
    expect(ids({ type: "record.created", ...base, formId: "lead" })).toEqual(["created_lead"]);
    expect(ids({ type: "record.created", ...base, formId: "other" })).toEqual([]);
  });

  it("record.updated and field.changed: `_previous` and the changed fields", () => {
    const updated = { type: "record.updated" as const, ...base, previous: { amount: 400 } };
    expect(ids({ ...updated, changed: ["amount", "note"] })).toEqual(["updated_amount", "changed_amount"]);
    expect(ids({ ...updated, changed: ["owner_note", "note"] })).toEqual([
      "updated_amount",
      "changed_amount",
      "changed_owner",
    ]);
    expect(ids({ ...updated, previous: { amount: 500 }, changed: ["title"] })).toEqual([]);
    expect(ids({ ...updated, formId: "lead", changed: ["amount"] })).toEqual([]);
  });

  it("stage.entered / stage.left / stage.overdue: by form and stage, absent stage = any", () => {
    expect(ids({ type: "stage.entered", ...base, stage: "won", from: "signed" })).toEqual([
      "entered_won",
      "entered_any",
    ]);
    expect(ids({ type: "stage.entered", ...base, stage: "lost" })).toEqual(["entered_any"]);
    expect(ids({ type: "stage.left", ...base, stage: "signed", to: "won" })).toEqual(["left_signed"]);
    expect(ids({ type: "stage.left", ...base, stage: "new", to: "won" })).toEqual([]);
    expect(ids({ type: "stage.overdue", ...base, stage: "new" })).toEqual(["overdue_any"]);
    expect(ids({ type: "stage.overdue", ...base, formId: "lead", stage: "new" })).toEqual([]);
  });

  it("record.idle: at least the days, in the stage", () => {
    expect(ids({ type: "record.idle", ...base, idleDays: 2 })).toEqual([]);
    expect(ids({ type: "record.idle", ...base, idleDays: 3 })).toEqual(["idle_new_3"]);
    expect(ids({ type: "record.idle", ...base, idleDays: 9 })).toEqual(["idle_new_3", "idle_any_7"]);
    const won = { ...deal, stage: "won" };
    expect(ids({ type: "record.idle", ...base, record: won, idleDays: 9 })).toEqual(["idle_any_7"]);
    const noStage: RecordState = { id: deal.id, formId: deal.formId, data: deal.data };
    expect(ids({ type: "record.idle", ...base, record: noStage, idleDays: 9 })).toEqual(["idle_any_7"]);
  });

  it("date.offset: by form, field and days", () => {
    expect(ids({ type: "date.offset", ...base, field: "end_date", days: -60 })).toEqual(["renewal_60"]);
    expect(ids({ type: "date.offset", ...base, field: "end_date", days: 60 })).toEqual([]);
    expect(ids({ type: "date.offset", ...base, field: "sign_date", days: -60 })).toEqual([]);
  });

  it("approval events: by form and stage", () => {
    expect(ids({ type: "approval.requested", ...base, stage: "quotation" })).toEqual(["requested"]);
    expect(ids({ type: "approval.requested", ...base, stage: "signing" })).toEqual([]);
    expect(ids({ type: "approval.approved", ...base, stage: "signing" })).toEqual(["approved"]);
    expect(ids({ type: "approval.rejected", ...base, stage: "quotation" })).toEqual(["rejected"]);
    expect(ids({ type: "approval.rejected", ...base, stage: "signing" })).toEqual([]);
    expect(ids({ type: "approval.overdue", ...base, stage: "quotation" })).toEqual(["approval_overdue"]);
    expect(ids({ type: "approval.overdue", ...base, formId: "lead", stage: "quotation" })).toEqual([]);
  });

  it("schedule: by rule id, enabled, same trigger type and form", () => {
    expect(ids({ type: "schedule", ruleId: "daily", at: NOW, depth: 0 })).toEqual(["daily"]);
    expect(
      ids({ type: "schedule", ruleId: "daily", at: NOW, depth: 0, formId: "deal", record: deal }),
    ).toEqual(["daily"]);
    expect(ids({ type: "schedule", ruleId: "daily", at: NOW, depth: 0, formId: "lead" })).toEqual([]);
    expect(ids({ type: "schedule", ruleId: "daily_off", at: NOW, depth: 0 })).toEqual([]);
    expect(ids({ type: "schedule", ruleId: "created", at: NOW, depth: 0 })).toEqual([]);
    expect(ids({ type: "schedule", ruleId: "missing", at: NOW, depth: 0 })).toEqual([]);
  });

  it("webhook: by rule id, `_payload` readable by `when`", () => {
    expect(ids({ type: "webhook", ruleId: "hook", payload: { kind: "ping" }, depth: 0 })).toEqual(["hook"]);
    expect(ids({ type: "webhook", ruleId: "hook", payload: { kind: "pong" }, depth: 0 })).toEqual([]);
    expect(ids({ type: "webhook", ruleId: "hook", payload: null, depth: 0, formId: "deal" })).toEqual([]);
  });

  it("manual: by rule id and form", () => {
    expect(ids({ type: "manual", ruleId: "button", ...base })).toEqual(["button"]);
    expect(ids({ type: "manual", ruleId: "button", ...base, formId: "lead" })).toEqual([]);
    expect(ids({ type: "manual", ruleId: "hook", ...base })).toEqual([]);
  });
});

describe("matchRules cascade limit", () => {
  it("matches nothing at or past the app's cascade depth", () => {
    expect(matchRules(app, { type: "record.created", ...base, depth: 2 }, ctx)).toMatchObject({
      cascadeLimited: false,
    });
    expect(matchRules(app, { type: "record.created", ...base, depth: 3 }, ctx)).toEqual({
      rules: [],
      cascadeLimited: true,
    });
    expect(
      matchRules(app, { type: "record.created", ...base, formId: "x", depth: 9 }, ctx).cascadeLimited,
    ).toBe(true);
  });
});

describe("matchRules at scale", () => {
  // Its speed is a benchmark (`pnpm bench`, BENCHMARKS.md); here: the index answers what a full scan would.
  it("answers one event against a 1,000-rule index with exactly the rules a full scan finds", () => {
    const many: Rule[] = [];
    const triggers = (i: number): Trigger[] => [
      { type: "record.created", form: `form_${Math.floor(i / 4) % 50}` },
      { type: "record.updated", form: `form_${Math.floor(i / 4) % 50}` },
      {
        type: "field.changed",
        form: `form_${Math.floor(i / 4) % 50}`,
        fields: [`f_${i % 7}`, `g_${i % 11}`],
      },
      { type: "stage.entered", form: `form_${Math.floor(i / 4) % 50}`, stage: `s_${i % 5}` },
    ];
    for (let i = 0; i < 1000; i++) {
      const trigger = triggers(i)[i % 4];
      many.push(rule(`r_${i}`, trigger!, { when: { ">": [{ var: "amount" }, i % 3] } }));
    }
    const big = testApp({ rules: many });
    const record: RecordState = {
      id: "x",
      formId: "form_1",
      stage: "s_1",
      data: { amount: 2, f_1: 2, g_1: 3 },
    };
    const changed = ["f_1", "g_1", "amount"];
    const event: RecordEvent = {
      type: "record.updated",
      formId: "form_1",
      record,
      depth: 0,
      changed,
      previous: {},
    };
    const scanned = many.filter((candidate, i) => {
      const trigger = candidate.trigger;
      if (!("form" in trigger) || trigger.form !== "form_1") return false;
      const fits =
        trigger.type === "record.updated" ||
        (trigger.type === "field.changed" && trigger.fields.some((field) => changed.includes(field)));
      // Each rule's `when` is amount > i % 3, and the record's amount is 2.
      return fits && 2 > i % 3;
    });
    expect(scanned.length).toBeGreaterThan(2);
    expect(matchRules(big, event, ctx).rules.map((matched) => matched.rule.id)).toEqual(
      scanned.map((candidate) => candidate.id),
    );
  });
});
