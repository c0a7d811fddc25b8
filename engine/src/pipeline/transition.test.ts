import type { Pipeline } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import type { RecordState } from "../record-state.js";
import { form, NOW, record, stage, testApp, text } from "../rules/test-app.js";
import { transition } from "./transition.js";

const dealPipeline: Pipeline = {
  initial: "initial_contact",
  stages: [
    stage("initial_contact"),
    stage("needs_confirmed", {
      requires: ["needs_summary", "decision_maker"],
      guard: { ">": [{ var: "amount" }, 0] },
      guardMessage: text("Amount must be positive", "金额必须大于零"),
    }),
    stage("solution", { guard: { "!!": { var: "solution_file" } } }),
    stage("quotation", {
      approval: {
        on: "enter",
        steps: [
          {
            id: "manager",
            approvers: [{ type: "manager" }],
            mode: "any",
            when: { ">": [{ var: "amount" }, 100000] },
          },
        ],
      },
    }),
    stage("signing", {
      approval: {
        on: "leave",
        steps: [{ id: "legal", approvers: [{ type: "role", role: "admin" }], mode: "all" }],
      },
    }),
    stage("won", { terminal: "won" }),
    stage("lost", { terminal: "lost", requires: ["lost_reason"], moves: ["initial_contact"] }),
    stage("archived", { terminal: "lost", moves: [] }),
  ],
};

const fields = ["needs_summary", "decision_maker", "amount", "solution_file", "lost_reason"];
const app = testApp({ forms: [form("deal", fields, dealPipeline), form("note", ["body"])] });
const ctx = { now: NOW };

function deal(
  data: Record<string, unknown>,
  stageId?: string,
  extra: Partial<RecordState> = {},
): RecordState {
  return record("deal", data, { ...(stageId !== undefined ? { stage: stageId } : {}), ...extra });
}

describe("transition refusals", () => {
  it("refuses a form without a pipeline", () => {
    const result = transition(app, record("note", {}), "any", ctx);
    expect(result).toEqual({
      status: "refused",
      unmet: [
        { path: "", code: "no_pipeline", message: 'Form "note" has no pipeline', params: { formId: "note" } },
      ],
    });
  });

  it("refuses an unknown target stage", () => {
    const result = transition(app, deal({}, "initial_contact"), "nowhere", ctx);
    expect(result.status).toBe("refused");
    if (result.status !== "refused") return;
    expect(result.unmet.map((i) => [i.path, i.code])).toEqual([["/to", "unknown_stage"]]);
  });

  it("refuses a move to the stage the record is in, and only that", () => {
    const result = transition(app, deal({}, "needs_confirmed"), "needs_confirmed", ctx);
    expect(result.status === "refused" && result.unmet.map((i) => i.code)).toEqual(["same_stage"]);
  });

  it("lists every unmet condition at once", () => {
    const result = transition(app, deal({ needs_summary: "", amount: 0 }, "lost"), "needs_confirmed", ctx);
    expect(result.status).toBe("refused");
    if (result.status !== "refused") return;
    expect(result.unmet).toEqual([
      {
        path: "/to",
        code: "move_not_allowed",
        message: 'Stage "Stage lost" cannot move to "Stage needs_confirmed"',
        params: { from: "lost", to: "needs_confirmed" },
      },
      {
        path: "/data/needs_summary",
        code: "required",
        message: '"Label needs_summary" is required to enter "Stage needs_confirmed"',
        params: { stage: "needs_confirmed", field: "needs_summary" },
      },
      {
        path: "/data/decision_maker",
        code: "required",
        message: '"Label decision_maker" is required to enter "Stage needs_confirmed"',
        params: { stage: "needs_confirmed", field: "decision_maker" },
      },
      {
        path: "/to",
        code: "guard_failed",
        message: "Amount must be positive",
        params: {
          stage: "needs_confirmed",
          message: { zh: "金额必须大于零", en: "Amount must be positive" },
        },
      },
    ]);
  });

  it("gives a default message for a guard without guardMessage", () => {
    const result = transition(app, deal({}, "initial_contact"), "solution", ctx);
    expect(result.status === "refused" && result.unmet).toEqual([
      {
        path: "/to",
        code: "guard_failed",
        message: 'The record does not meet the condition to enter "Stage solution"',
        params: {
          stage: "solution",
          message: { zh: "不满足进入“Stage solution（中文）”的条件", en: expect.any(String) },
        },
      },
    ]);
  });

  it("uses the field id when the form does not know the field", () => {
    const bare = testApp({ forms: [form("deal", [], dealPipeline)] });
    const result = transition(bare, deal({ amount: 5 }, "initial_contact"), "needs_confirmed", ctx);
    expect(result.status === "refused" && result.unmet[0]?.message).toBe(
      '"needs_summary" is required to enter "Stage needs_confirmed"',
    );
  });

  it("treats null, missing, empty strings and empty lists as empty, inherited keys as missing", () => {
    const data = Object.create({ decision_maker: "inherited" }) as Record<string, unknown>;
    data["needs_summary"] = [];
    data["amount"] = 1;
    const result = transition(app, deal(data, "initial_contact"), "needs_confirmed", ctx);
    expect(result.status === "refused" && result.unmet.map((i) => i.path)).toEqual([
      "/data/needs_summary",
      "/data/decision_maker",
    ]);
  });

  it("fails closed when the guard cannot be evaluated", () => {
    const guard = { var: { cat: ["__pro", "to__"] } };
    const guarded = testApp({
      forms: [form("t", [], { initial: "a", stages: [stage("a"), stage("b", { guard })] })],
    });
    const result = transition(guarded, record("t", {}, { stage: "a" }), "b", ctx);
    expect(result.status === "refused" && result.unmet.map((i) => i.code)).toEqual(["guard_failed"]);
  });

  it("locks a terminal stage whose moves are empty", () => {
    const result = transition(app, deal({}, "archived"), "initial_contact", ctx);
    expect(result.status === "refused" && result.unmet.map((i) => i.code)).toEqual(["move_not_allowed"]);
  });
});

describe("transition moves", () => {
  const ready = { needs_summary: "ERP", decision_maker: "CFO", amount: 500 };

  it("moves and stamps the stage times, emitting left then entered", () => {
    const before = deal(ready, "initial_contact", { stageEnteredAt: "2026-01-01T00:00:00Z", updatedAt: "x" });
    const result = transition(app, before, "needs_confirmed", { now: NOW, userId: "u1" });
    expect(result.status).toBe("moved");
    if (result.status !== "moved") return;
    const next = { ...before, stage: "needs_confirmed", stageEnteredAt: NOW, updatedAt: NOW };
    expect(result.next).toEqual(next);
    expect(result.effects).toEqual([]);
    expect(result.events).toEqual([
      {
        type: "stage.left",
        formId: "deal",
        record: next,
        depth: 0,
        stage: "initial_contact",
        to: "needs_confirmed",
      },
      {
        type: "stage.entered",
        formId: "deal",
        record: next,
        depth: 0,
        stage: "needs_confirmed",
        from: "initial_contact",
      },
    ]);
    expect(before.stage).toBe("initial_contact");
  });

  it("allows backward moves when the stage lists no moves, and carries the cascade depth", () => {
    const result = transition(app, deal(ready, "solution"), "initial_contact", ctx, { depth: 2 });
    expect(result.status === "moved" && result.events.map((e) => e.depth)).toEqual([2, 2]);
  });

  it("sets closedAt entering a terminal stage and clears it when re-opened", () => {
    const won = transition(app, deal(ready, "solution"), "won", ctx);
    expect(won.status === "moved" && won.next.closedAt).toBe(NOW);
    const lost = deal({ lost_reason: "price" }, "lost", { closedAt: "2026-01-01T00:00:00Z" });
    const reopened = transition(app, lost, "initial_contact", ctx);
    expect(reopened.status).toBe("moved");
    if (reopened.status !== "moved") return;
    expect(reopened.next).not.toHaveProperty("closedAt");
    expect(reopened.next.stage).toBe("initial_contact");
  });

  it("moves a record without a stage into the pipeline with only an entered event", () => {
    const result = transition(app, deal({}), "initial_contact", ctx);
    expect(result.status === "moved" && result.events).toEqual([
      expect.objectContaining({ type: "stage.entered", stage: "initial_contact" }),
    ]);
    expect(result.status === "moved" && result.events[0]).not.toHaveProperty("from");
  });

  it("lets a record in a stage the pipeline no longer has move anywhere", () => {
    const result = transition(app, deal({}, "removed_stage"), "won", ctx);
    expect(result.status === "moved" && result.events.map((e) => e.type)).toEqual([
      "stage.left",
      "stage.entered",
    ]);
  });
});

describe("transition approvals", () => {
  it("asks for an approval to enter when a step applies, and nothing moves", () => {
    const before = deal({ amount: 200000 }, "solution");
    const result = transition(app, before, "quotation", ctx);
    expect(result).toEqual({
      status: "approval_required",
      effects: [
        {
          type: "request_approval",
          formId: "deal",
          recordId: "r1",
          stage: "quotation",
          on: "enter",
          from: "solution",
          to: "quotation",
          steps: ["manager"],
        },
      ],
    });
    expect(before.stage).toBe("solution");
  });

  it("needs no approval when no step applies", () => {
    expect(transition(app, deal({ amount: 10 }, "solution"), "quotation", ctx).status).toBe("moved");
  });

  it("asks for an approval to leave, and for both when both apply", () => {
    const leave = transition(app, deal({ amount: 1 }, "signing"), "won", ctx);
    expect(
      leave.status === "approval_required" && leave.effects.map((e) => e.type === "request_approval" && e.on),
    ).toEqual(["leave"]);
    const both = transition(app, deal({ amount: 200000 }, "signing"), "quotation", ctx);
    expect(
      both.status === "approval_required" &&
        both.effects.map((e) => e.type === "request_approval" && e.stage),
    ).toEqual(["signing", "quotation"]);
  });

  it("moves once approved", () => {
    const result = transition(app, deal({ amount: 200000 }, "signing"), "quotation", ctx, { approved: true });
    expect(result.status === "moved" && result.next.stage).toBe("quotation");
  });

  it("refuses before asking for approval when conditions are unmet", () => {
    const gated: Pipeline = {
      initial: "a",
      stages: [
        stage("a"),
        stage("b", {
          requires: ["x"],
          approval: { on: "enter", steps: [{ id: "s", approvers: [{ type: "owner" }], mode: "any" }] },
        }),
      ],
    };
    const gatedApp = testApp({ forms: [form("g", ["x"], gated)] });
    expect(transition(gatedApp, record("g", {}, { stage: "a" }), "b", ctx).status).toBe("refused");
    const noStage = transition(gatedApp, record("g", { x: "1" }), "b", ctx);
    expect(noStage.status === "approval_required" && noStage.effects[0]).not.toHaveProperty("from");
  });

  it("applies a step whose condition cannot be evaluated", () => {
    const odd: Pipeline = {
      initial: "a",
      stages: [
        stage("a"),
        stage("b", {
          approval: {
            on: "enter",
            steps: [
              {
                id: "s",
                approvers: [{ type: "owner" }],
                mode: "any",
                when: { var: { cat: ["__pro", "to__"] } },
              },
            ],
          },
        }),
      ],
    };
    const oddApp = testApp({ forms: [form("o", [], odd)] });
    expect(transition(oddApp, record("o", {}, { stage: "a" }), "b", ctx).status).toBe("approval_required");
  });
});
