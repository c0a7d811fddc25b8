import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { automatedSalesTemplate, buildAutomatedSales } from "./index.js";

const CTX = { now: "2026-12-01T02:00:00Z", timeZone: "Asia/Shanghai" };
const SEQUENCE = {
  name: "官网注册培育序列",
  steps: [
    { day_offset: 0, channel: "email", template_code: "WEB_WELCOME" },
    { day_offset: 2, channel: "wechat", template_code: "WEB_CASE" },
    { day_offset: 5, channel: "call_task", template_code: "CALL_DISCOVERY" },
  ],
};

function compiled() {
  const result = compileApp(buildAutomatedSales());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.app;
}

describe("automated-sales definition", () => {
  it("passes validateDefinition with no errors and compiles", () => {
    expect(validateDefinition(buildAutomatedSales()).errors).toEqual([]);
    expect(compileApp(buildAutomatedSales()).ok).toBe(true);
  });

  it("has the lead pipeline with an MQL score guard", () => {
    const stages = buildAutomatedSales().forms[0]?.pipeline?.stages ?? [];
    expect(stages.map((s) => s.id)).toEqual(["new", "nurturing", "mql", "sql", "converted", "disqualified"]);
    expect(stages[2]?.guard).toEqual({ ">=": [{ coalesce: [{ var: "lead_score" }, 0] }, 60] });
  });

  it("scores a lead as engagement plus fit", () => {
    const form = compiled().forms.get("lead")!;
    const lead = {
      contact_name: "陈晓",
      email: "chen@shuyue-demo.cn",
      source: "website",
      region: "east_china",
    };
    const result = submit(form, { ...lead, engagement_points: 45, fit_points: 25 }, CTX);
    expect(result.ok && [result.data["lead_score"], result.data["unsubscribed"]]).toEqual([70, "no"]);
  });

  it.each([
    [1, 0, "email", "WEB_WELCOME"],
    [2, 2, "wechat", "WEB_CASE"],
    [3, 5, "call_task", "CALL_DISCOVERY"],
    [4, null, null, null],
  ])("reads step %d of the sequence in force", (step, day, channel, template) => {
    const form = compiled().forms.get("enrollment")!;
    const result = submit(
      form,
      { lead: "l1", audience: "website", start_date: "2026-12-01", current_step: step, state: "running" },
      { ...CTX, aggregates: { sequence_in_force: SEQUENCE } },
    );
    expect(result.ok && result.data).toMatchObject({
      sequence_name: "官网注册培育序列",
      step_count: 3,
      step_day_offset: day,
      step_channel: channel,
      step_template: template,
    });
  });

  it("has 15–40 demo records on its own forms", () => {
    const forms = new Set(buildAutomatedSales().forms.map((f) => f.id));
    const demo = automatedSalesTemplate.demoData?.(new Date("2026-11-23T01:00:00Z")) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) expect(forms.has(record.form), record.form).toBe(true);
  });
});
