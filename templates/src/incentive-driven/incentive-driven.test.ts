import { compileApp, submit, type CompiledApp } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { buildIncentiveDriven, incentiveDrivenTemplate } from "./index.js";

const NOW = "2026-11-23T02:00:00.000Z";
const PLAN = {
  tiers: [
    { attainment_from: 0, rate: 0.03 },
    { attainment_from: 1, rate: 0.08 },
    { attainment_from: 0.8, rate: 0.05 },
  ],
  accelerator_above_100: 0.02,
};

function compiled(): CompiledApp {
  const result = compileApp(buildIncentiveDriven());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.app;
}

function statement(app: CompiledApp, attained: number, plan: unknown = PLAN) {
  const form = app.forms.get("commission_statement");
  if (form === undefined) throw new Error("no commission_statement");
  const input = { rep: "u1", period_start: "2026-11-01", period_end: "2026-11-30", quota: 100_000, attained };
  const result = submit(form, input, {
    now: NOW,
    timeZone: "Asia/Shanghai",
    aggregates: { active_plan: plan },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

describe("incentive-driven definition", () => {
  it("passes validateDefinition with no errors and compiles", () => {
    expect(validateDefinition(buildIncentiveDriven()).errors).toEqual([]);
    expect(compileApp(buildIncentiveDriven()).ok).toBe(true);
    expect(incentiveDrivenTemplate.meta.id).toBe(incentiveDrivenTemplate.definition.id);
  });

  it("picks the highest tier at or below the attainment, whatever the row order", () => {
    const app = compiled();
    expect(statement(app, 50_000)).toMatchObject({ attainment: 0.5, tier_rate: 0.03, commission: 1500 });
    expect(statement(app, 80_000)).toMatchObject({ attainment: 0.8, tier_rate: 0.05, commission: 4000 });
    // 120 000 × 8 % + 20 000 above quota × 2 % accelerator.
    expect(statement(app, 120_000)).toMatchObject({ attainment: 1.2, tier_rate: 0.08, commission: 10_000 });
  });

  it("pays nothing without a plan in force", () => {
    expect(statement(compiled(), 90_000, null)).toMatchObject({ tier_rate: 0, commission: 0 });
  });

  it("requires a dispute note to dispute a statement", () => {
    const stages = buildIncentiveDriven().forms.find((f) => f.id === "commission_statement")?.pipeline
      ?.stages;
    expect(stages?.map((s) => s.id)).toEqual(["calculated", "disputed", "rep_confirmed", "approved", "paid"]);
    expect(stages?.find((s) => s.id === "disputed")?.requires).toEqual(["dispute_note"]);
  });

  it("has demo data that names only its own forms and fields", () => {
    const definition = buildIncentiveDriven();
    const records = incentiveDrivenTemplate.demoData?.(new Date(NOW)) ?? [];
    expect(records.length).toBeGreaterThanOrEqual(15);
    expect(records.length).toBeLessThanOrEqual(40);
    for (const record of records) {
      const form = definition.forms.find((f) => f.id === record.form);
      expect(form, record.form).toBeDefined();
      const ids = new Set(form?.fields.map((f) => f.id));
      for (const key of Object.keys(record.data)) expect(ids.has(key), `${record.form}.${key}`).toBe(true);
    }
  });
});
