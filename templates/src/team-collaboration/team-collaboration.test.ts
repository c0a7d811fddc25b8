import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { teamCollaborationTemplate } from "./index.js";

const definition = teamCollaborationTemplate.definition;
const NOW = "2026-11-23T02:00:00.000Z";

function computed(formId: string, input: Record<string, unknown>) {
  const app = compileApp(definition);
  if (!app.ok) throw new Error(JSON.stringify(app.errors));
  const form = app.app.forms.get(formId);
  if (form === undefined) throw new Error(`no form ${formId}`);
  const result = submit(form, input, { now: NOW, timeZone: "Asia/Shanghai" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

describe("team-collaboration definition", () => {
  it("passes validateDefinition and compiles", () => {
    expect(validateDefinition(definition).errors).toEqual([]);
    expect(compileApp(definition).ok).toBe(true);
  });

  it("requires pre-sales to engage and a 100 % split to win", () => {
    const stages = definition.forms.find((f) => f.id === "deal")?.pipeline?.stages ?? [];
    expect(stages.map((s) => s.id)).toEqual(["qualified", "presales_engaged", "negotiation", "won", "lost"]);
    expect(stages[1]?.requires).toEqual(["presales"]);
    expect(stages[3]?.guard).toBeDefined();
  });

  it("totals the split and credits each role its share of the amount", () => {
    const data = computed("deal", {
      deal_name: "申港 仓储",
      customer: "rec_1",
      owner: "u1",
      amount: 800000,
      expected_close_date: "2026-12-31",
      team: "team_east",
      split: [
        { member: "u1", role: "am", share: 0.6 },
        { member: "u2", role: "presales", share: 0.25 },
        { member: "u3", role: "assistant", share: 0.1 },
      ],
    });
    expect(data).toMatchObject({
      split_total: 0.95,
      am_credit: 480000,
      presales_credit: 200000,
      assistant_credit: 80000,
    });
  });

  it("sums the members' targets of a team goal", () => {
    const data = computed("team_goal", {
      team: "team_east",
      month: "2026-11-01",
      team_target: 1000000,
      members: [
        { member: "u1", target: 600000 },
        { member: "u2", target: 300000 },
      ],
    });
    expect(data["member_sum"]).toBe(900000);
  });

  it("has demo data whose records name existing forms and fields", () => {
    const demo = teamCollaborationTemplate.demoData?.(new Date(NOW)) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) {
      const target = definition.forms.find((f) => f.id === record.form);
      const ids = new Set(target?.fields.map((f) => f.id));
      for (const key of Object.keys(record.data)) expect(ids.has(key), `${record.form}.${key}`).toBe(true);
    }
  });
});
