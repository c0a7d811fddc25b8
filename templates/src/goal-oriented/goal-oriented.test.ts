import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { goalOrientedTemplate } from "./index.js";

const definition = goalOrientedTemplate.definition;

function computed(
  formId: string,
  input: Record<string, unknown>,
  now: string,
  aggregates: Record<string, unknown> = {},
) {
  const app = compileApp(definition);
  if (!app.ok) throw new Error(JSON.stringify(app.errors));
  const form = app.app.forms.get(formId);
  if (form === undefined) throw new Error(`no form ${formId}`);
  const result = submit(form, input, { now, timeZone: "Asia/Shanghai", aggregates });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const REP_TARGET = {
  period_start: "2026-11-01",
  period_end: "2026-11-30",
  level: "rep",
  team: "team_east",
  assignee: "u1",
  base_target: 600000,
  stretch_target: 800000,
};

describe("goal-oriented definition", () => {
  it("passes validateDefinition and compiles", () => {
    expect(validateDefinition(definition).errors).toEqual([]);
    expect(compileApp(definition).ok).toBe(true);
  });

  it("computes pace as achievement over the share of the period elapsed", () => {
    // Nov 16 00:00 China time: 15 of 30 days elapsed, half the base target done → pace 1.
    const onPace = computed("target", { ...REP_TARGET, actual: 300000 }, "2026-11-15T16:00:00.000Z");
    expect(onPace).toMatchObject({ achieved: 300000, achievement_rate: 0.5, pace: 1, stretch_hit: false });
    const behind = computed("target", { ...REP_TARGET, actual: 180000 }, "2026-11-15T16:00:00.000Z");
    expect(behind["pace"]).toBe(0.6);
    const stretch = computed("target", { ...REP_TARGET, actual: 820000 }, "2026-11-29T16:00:00.000Z");
    expect(stretch["stretch_hit"]).toBe(true);
  });

  it("sums the reps' actuals for a team row and needs an assignee only on rep rows", () => {
    const team = { ...REP_TARGET, level: "team", assignee: undefined, base_target: 1000000 };
    const data = computed("target", team, "2026-11-15T16:00:00.000Z", { reps_actual: 400000 });
    expect(data).toMatchObject({ achieved: 400000, achievement_rate: 0.4 });
    const app = compileApp(definition);
    const form = app.ok ? app.app.forms.get("target") : undefined;
    const missing =
      form && submit(form, { ...REP_TARGET, assignee: undefined }, { now: "2026-11-15T16:00:00.000Z" });
    expect(missing?.ok === false && missing.errors.map((e) => e.path)).toEqual(["/assignee"]);
  });

  it("computes a review's gap from its target", () => {
    const data = computed(
      "goal_review",
      { target: "rec_1", review_date: "2026-12-03" },
      "2026-12-01T01:00:00.000Z",
      {
        base_target: 600000,
        achieved: 510000,
      },
    );
    expect(data).toMatchObject({ gap: 90000, status: "planned" });
  });

  it("has demo data whose records name existing forms and fields", () => {
    const demo = goalOrientedTemplate.demoData?.(new Date("2026-11-23T02:00:00.000Z")) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) {
      const target = definition.forms.find((f) => f.id === record.form);
      const ids = new Set(target?.fields.map((f) => f.id));
      for (const key of Object.keys(record.data)) expect(ids.has(key), `${record.form}.${key}`).toBe(true);
    }
  });
});
