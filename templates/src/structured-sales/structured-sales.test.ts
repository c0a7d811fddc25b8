import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { structuredSalesTemplate } from "./index.js";

const definition = structuredSalesTemplate.definition;
const NOW = "2026-11-23T02:00:00.000Z";

function compiled() {
  const result = compileApp(definition);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.app;
}

describe("structured-sales definition", () => {
  it("passes validateDefinition and compiles", () => {
    expect(validateDefinition(definition).errors).toEqual([]);
    expect(compileApp(definition).ok).toBe(true);
  });

  it("has the seed's standard flow with stage requirements and checklist guards", () => {
    const stages = definition.forms.find((f) => f.id === "deal")?.pipeline?.stages ?? [];
    expect(stages.map((s) => s.id)).toEqual([
      "development",
      "needs_analysis",
      "presentation",
      "closing",
      "won",
      "lost",
    ]);
    expect(stages.find((s) => s.id === "needs_analysis")?.requires).toEqual(["needs_doc"]);
    expect(stages.find((s) => s.id === "presentation")?.requires).toEqual(["proposal_file"]);
    expect(stages.filter((s) => s.guard !== undefined).map((s) => s.id)).toEqual([
      "needs_analysis",
      "presentation",
      "closing",
      "won",
    ]);
  });

  it("computes checklist completion and open mandatory items", () => {
    const form = compiled().forms.get("deal");
    if (form === undefined) throw new Error("no deal form");
    const result = submit(
      form,
      {
        deal_name: "华信 MES",
        customer: "rec_1",
        owner: "u1",
        amount: 100000,
        expected_close_date: "2026-12-31",
        checklist: [
          { item: "需求调研", mandatory: "yes", done: "yes" },
          { item: "预算确认", mandatory: "yes" },
          { item: "参观样板", mandatory: "no", done: "no" },
          { item: "联系人", mandatory: "no", done: "yes" },
        ],
      },
      { now: NOW, timeZone: "Asia/Shanghai" },
    );
    expect(result.ok && result.data).toMatchObject({ checklist_completion: 0.5, open_mandatory_items: 1 });
  });

  it("has demo data whose records name existing forms and fields", () => {
    const demo = structuredSalesTemplate.demoData?.(new Date(NOW)) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) {
      const form = definition.forms.find((f) => f.id === record.form);
      expect(form, record.form).toBeDefined();
      const ids = new Set(form?.fields.map((f) => f.id));
      for (const key of Object.keys(record.data)) expect(ids.has(key), `${record.form}.${key}`).toBe(true);
    }
  });
});
