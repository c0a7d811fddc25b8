import { compileApp, planActions, type CompiledApp } from "@stagecraft/engine";
import type { Rule } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { actionIndexes } from "./action-index.js";
import { testDefinition } from "./test-automation.js";

const t = (en: string) => ({ zh: en, en });

function appWith(rule: Rule): CompiledApp {
  const definition = testDefinition();
  const compiled = compileApp({ ...definition, rules: [...(definition.rules ?? []), rule] });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return compiled.app;
}

const record = { id: "r1", formId: "deal", stage: "lead", data: { name: "Acme" } };
const ctx = { now: "2026-11-23T09:00:00.000Z" };

describe("actionIndexes", () => {
  it("finds the action of each effect when some actions plan nothing", () => {
    const app = appWith({
      id: "mixed",
      trigger: { type: "record.updated", form: "deal" },
      actions: [
        { type: "notify", to: [{ type: "owner" }], title: t("To the owner") },
        { type: "set_field", field: "note", value: "x" },
        { type: "notify", to: [{ type: "owner" }, { type: "role", role: "admin" }], title: t("Both") },
        { type: "webhook", url: "https://example.com/x" },
        { type: "assign_owner", strategy: { type: "fixed", userId: "u1" } },
        { type: "create_record", form: "deal", data: { name: "child" }, count: 2 },
        { type: "wait", minutes: 5 },
        { type: "move_stage", to: "won" },
      ],
    });
    const rule = app.rules.ruleById.get("mixed")!;
    // Without a record: the owner notifications shrink or vanish, set_field and assign_owner vanish.
    const bare = planActions(app, rule, undefined, ctx, { runId: "run" });
    expect(bare.effects.map((e) => e.type)).toEqual(["notify", "webhook", "create_record", "wait"]);
    expect(actionIndexes(rule, 0, bare.effects)).toEqual([2, 3, 5, 6]);
    const full = planActions(app, rule, record, ctx, { runId: "run" });
    expect(actionIndexes(rule, 0, full.effects)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const resumed = planActions(app, rule, record, ctx, { runId: "run", startAt: 7 });
    expect(actionIndexes(rule, 7, resumed.effects)).toEqual([7]);
  });
});
