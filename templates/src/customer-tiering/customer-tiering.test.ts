import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { customerTieringTemplate } from "./index.js";

const definition = customerTieringTemplate.definition;
const NOW = "2026-11-23T02:00:00.000Z";
const RULE = {
  version: "v1",
  a_value: 1000000,
  b_value: 300000,
  a_pot: 70,
  b_pot: 50,
  cad_a: 7,
  cad_b: 30,
  cad_c: 90,
};

function customerForm() {
  const result = compileApp(definition);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const found = result.app.forms.get("customer");
  if (found === undefined) throw new Error("no customer form");
  return found;
}

/** Submit a customer with the rule in force and return its computed fields. */
function tierOf(annual_value: number, potential_score: number, extra: Record<string, unknown> = {}) {
  const result = submit(
    customerForm(),
    { customer_name: "客户", owner: "u1", region: "east_china", annual_value, potential_score, ...extra },
    {
      now: NOW,
      timeZone: "Asia/Shanghai",
      aggregates: { rule: RULE, won_365: 0 },
      record: { createdAt: "2026-11-01T02:00:00.000Z" },
    },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

describe("customer-tiering definition", () => {
  it("passes validateDefinition and compiles", () => {
    expect(validateDefinition(definition).errors).toEqual([]);
    expect(compileApp(definition).ok).toBe(true);
  });

  it("tiers by value × potential with the rule in force", () => {
    expect(tierOf(1200000, 10)).toMatchObject({ tier: "A", effective_tier: "A", cadence_days: 7 });
    expect(tierOf(400000, 80)).toMatchObject({ tier: "A", cadence_days: 7 });
    expect(tierOf(400000, 60)).toMatchObject({ tier: "B", cadence_days: 30 });
    expect(tierOf(100000, 55)).toMatchObject({ tier: "B" });
    expect(tierOf(100000, 20)).toMatchObject({ tier: "C", cadence_days: 90, criteria_version: "v1" });
  });

  it("lets an override win and schedules the next touch from the last activity", () => {
    const data = tierOf(100000, 20, { tier_override: "A", last_activity_at: "2026-11-20T10:00:00+08:00" });
    expect(data).toMatchObject({
      tier: "C",
      effective_tier: "A",
      cadence_days: 7,
      next_touch_date: "2026-11-27",
    });
    expect(tierOf(100000, 20)).toMatchObject({
      next_touch_date: "2027-01-30",
      next_revalue_date: "2027-01-30",
    });
  });

  it("leaves the tier empty while no criteria are in force", () => {
    const result = submit(
      customerForm(),
      { customer_name: "客户", owner: "u1", region: "east_china", annual_value: 5, potential_score: 5 },
      { now: NOW, timeZone: "Asia/Shanghai", aggregates: { rule: null } },
    );
    expect(result.ok && result.data).toMatchObject({ tier: null, effective_tier: null, cadence_days: null });
  });

  it("has demo data whose records name existing forms and fields", () => {
    const demo = customerTieringTemplate.demoData?.(new Date(NOW)) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) {
      const target = definition.forms.find((f) => f.id === record.form);
      const ids = new Set(target?.fields.map((f) => f.id));
      for (const key of Object.keys(record.data)) expect(ids.has(key), `${record.form}.${key}`).toBe(true);
    }
  });
});
