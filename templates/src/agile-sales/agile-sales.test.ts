import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { agileSalesTemplate } from "./index.js";

const definition = agileSalesTemplate.definition;
const NOW = "2026-11-23T02:00:00.000Z";
const CTX = { now: NOW, timeZone: "Asia/Shanghai" };

function form(id: string) {
  const result = compileApp(definition);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const found = result.app.forms.get(id);
  if (found === undefined) throw new Error(`no form ${id}`);
  return found;
}

describe("agile-sales definition", () => {
  it("passes validateDefinition and compiles", () => {
    expect(validateDefinition(definition).errors).toEqual([]);
    expect(compileApp(definition).ok).toBe(true);
  });

  it("has the sprint, experiment and deal pipelines of the catalogue", () => {
    const pipelines = Object.fromEntries(
      definition.forms.filter((f) => f.pipeline).map((f) => [f.id, f.pipeline?.stages.map((s) => s.id)]),
    );
    expect(pipelines).toEqual({
      sprint: ["planning", "active", "retro", "closed"],
      experiment: ["running", "evaluated", "dropped"],
      deal: ["backlog", "engaged", "trial", "won", "lost"],
    });
    const retro = definition.forms.find((f) => f.id === "sprint")?.pipeline?.stages[2];
    expect(retro?.requires).toEqual(["retro_keep", "retro_change"]);
  });

  it("computes a sprint's actual and achievement from its won deals", () => {
    const result = submit(
      form("sprint"),
      { name: "冲刺 1", start_date: "2026-11-16", end_date: "2026-11-29", sprint_target: 200000 },
      { ...CTX, aggregates: { won_amount: 150000 } },
    );
    expect(result.ok && result.data).toMatchObject({ actual: 150000, achievement: 0.75 });
  });

  it("counts this deal's feature gap with the others of 14 days", () => {
    const data = {
      deal_name: "云启",
      customer: "rec_1",
      owner: "u1",
      amount: 1000,
      expected_close_date: "2026-12-31",
      next_action_date: "2026-11-30",
    };
    const tagged = submit(
      form("deal"),
      { ...data, feedback_tags: ["feature_gap", "price"] },
      {
        ...CTX,
        aggregates: { other_feature_gaps: 4 },
      },
    );
    expect(tagged.ok && tagged.data["recent_feature_gaps"]).toBe(5);
    const untagged = submit(
      form("deal"),
      { ...data, feedback_tags: ["price"] },
      {
        ...CTX,
        aggregates: { other_feature_gaps: 4 },
      },
    );
    expect(untagged.ok && untagged.data["recent_feature_gaps"]).toBe(4);
  });

  it("has demo data whose records name existing forms and fields", () => {
    const demo = agileSalesTemplate.demoData?.(new Date(NOW)) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) {
      const target = definition.forms.find((f) => f.id === record.form);
      const ids = new Set(target?.fields.map((f) => f.id));
      for (const key of Object.keys(record.data)) expect(ids.has(key), `${record.form}.${key}`).toBe(true);
    }
  });
});
