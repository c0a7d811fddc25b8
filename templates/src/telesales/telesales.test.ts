import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { buildTelesales, telesalesTemplate } from "./index.js";

const CTX = { now: "2026-12-14T02:00:00Z", timeZone: "Asia/Shanghai" };

function compiled() {
  const result = compileApp(buildTelesales());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.app;
}

const CALL = {
  prospect: "p1",
  agent: "u1",
  started_at: "2026-12-14T10:00:00+08:00",
  duration_sec: 180,
  script: "s1",
};

describe("telesales definition", () => {
  it("passes validateDefinition with no errors and compiles", () => {
    expect(validateDefinition(buildTelesales()).errors).toEqual([]);
    expect(compileApp(buildTelesales()).ok).toBe(true);
  });

  it("has the prospect pipeline with one won and two lost ends", () => {
    const stages = buildTelesales().forms[0]?.pipeline?.stages ?? [];
    expect(stages.map((s) => [s.id, s.terminal ?? null])).toEqual([
      ["to_call", null],
      ["contacted", null],
      ["interested", null],
      ["appointment", null],
      ["sold", "won"],
      ["not_interested", "lost"],
      ["unreachable", "lost"],
    ]);
  });

  it("requires the callback time only for a callback outcome", () => {
    const form = compiled().forms.get("call_log")!;
    const refused = submit(form, { ...CALL, outcome: "callback" }, CTX);
    expect(refused.ok ? [] : refused.errors.map((e) => e.path)).toEqual(["/callback_at"]);
    expect(submit(form, { ...CALL, outcome: "busy" }, CTX).ok).toBe(true);
  });

  it.each([
    ["2026-12-14T09:00:00+08:00", 1],
    ["2026-12-14T23:30:00+08:00", 1],
    ["2026-12-13T15:00:00+08:00", 0],
  ])("counts a callback promised for %s as on time: %d", (due, onTime) => {
    const form = compiled().forms.get("call_log")!;
    const result = submit(form, { ...CALL, outcome: "appointment", callback_due_at: due }, CTX);
    expect(result.ok && result.data["callback_on_time"]).toBe(onTime);
  });

  it("counts a prospect's attempts from its calls and defaults to callable", () => {
    const form = compiled().forms.get("prospect")!;
    const result = submit(
      form,
      { name: "周建国", phone: "+86 137-2100-3300", campaign: "年末理财" },
      { ...CTX, aggregates: { call_count: 2 } },
    );
    expect(result.ok && [result.data["attempts"], result.data["dnd"]]).toEqual([2, "no"]);
  });

  it("has demo data on its own forms", () => {
    const forms = new Set(buildTelesales().forms.map((f) => f.id));
    const demo = telesalesTemplate.demoData?.(new Date("2026-11-23T01:00:00Z")) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) expect(forms.has(record.form), record.form).toBe(true);
  });
});
