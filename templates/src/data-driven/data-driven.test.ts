import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { dataDrivenTemplate } from "./index.js";

const definition = dataDrivenTemplate.definition;
const NOW = "2026-11-23T02:00:00.000Z";
const CTX = { now: NOW, timeZone: "Asia/Shanghai" };

function form(id: string) {
  const result = compileApp(definition);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const found = result.app.forms.get(id);
  if (found === undefined) throw new Error(`no form ${id}`);
  return found;
}

function computed(formId: string, input: Record<string, unknown>, aggregates: Record<string, unknown> = {}) {
  const result = submit(form(formId), input, { ...CTX, aggregates });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const DEAL = {
  deal_name: "启明 数据仓库",
  customer: "rec_1",
  owner: "u1",
  amount: 480000,
  expected_close_date: "2026-12-31",
  lead_source: "referral",
  segment: "enterprise",
  forecast_category: "commit",
};

describe("data-driven definition", () => {
  it("passes validateDefinition and compiles", () => {
    expect(validateDefinition(definition).errors).toEqual([]);
    expect(compileApp(definition).ok).toBe(true);
  });

  it("scores data completeness over the eight analysis fields", () => {
    expect(computed("deal", DEAL)["completeness"]).toBe(37.5);
    expect(
      computed("deal", { ...DEAL, decision_maker: "CIO", budget_amount: 500000, competitors: [] })[
        "completeness"
      ],
    ).toBe(62.5);
    const full = {
      ...DEAL,
      decision_maker: "CIO",
      budget_amount: 1,
      pain_points: "手工报表",
      competitors: ["in_house"],
      next_step: "POC",
    };
    expect(computed("deal", full)["completeness"]).toBe(100);
  });

  it("guards the proposal stage with 80 % completeness", () => {
    const proposal = definition.forms
      .find((f) => f.id === "deal")
      ?.pipeline?.stages.find((s) => s.id === "proposal");
    expect(proposal?.requires).toEqual(["forecast_category"]);
    expect(proposal?.guard).toEqual({ ">=": [expect.anything(), 80] });
  });

  it("computes forecast accuracy as 1 − |actual − commit| ÷ commit", () => {
    const base = { week_start: "2026-11-23", rep: "u1" };
    expect(
      computed("forecast_snapshot", { ...base, commit_amount: 200000, actual_amount: 150000 })["accuracy"],
    ).toBe(0.75);
    expect(
      computed("forecast_snapshot", { ...base, commit_amount: 100000, actual_amount: 110000 })["accuracy"],
    ).toBe(0.9);
    expect(computed("forecast_snapshot", { ...base, commit_amount: 100000 })["accuracy"]).toBeNull();
  });

  it("computes a preset metric and whether it is red", () => {
    const metric = {
      key: "win_rate",
      name_cn: "赢单率",
      definition: "赢单 ÷ 关闭",
      owner: "u1",
      red_threshold: 0.6,
    };
    expect(computed("metric_definition", metric, { won: 1, closed: 2 })).toMatchObject({
      current_value: 0.5,
      is_red: true,
    });
    expect(
      computed("metric_definition", { ...metric, red_when: "above" }, { won: 1, closed: 2 }),
    ).toMatchObject({ is_red: false });
    expect(computed("metric_definition", metric, { won: 0, closed: 0 })).toMatchObject({
      current_value: null,
      is_red: false,
    });
  });

  it("has demo data whose records name existing forms and fields", () => {
    const demo = dataDrivenTemplate.demoData?.(new Date(NOW)) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) {
      const target = definition.forms.find((f) => f.id === record.form);
      const ids = new Set(target?.fields.map((f) => f.id));
      for (const key of Object.keys(record.data)) expect(ids.has(key), `${record.form}.${key}`).toBe(true);
    }
  });
});
