import { describe, expect, it } from "vitest";
import { compileOrThrow, demoPathProblems, entryProblems, submitted } from "../shared/test-support.js";
import { buildProcessControl, processControlTemplate } from "./index.js";

describe("process-control template", () => {
  const definition = buildProcessControl();
  const app = compileOrThrow(definition);

  it("validates, compiles and labels everything in zh and en", () => {
    expect(entryProblems(processControlTemplate)).toEqual([]);
    expect(definition.forms.map((f) => f.id)).toEqual([
      "activity_standard",
      "customer",
      "deal",
      "visit_record",
      "process_scorecard",
    ]);
    expect(definition.forms.find((f) => f.id === "deal")?.pipeline?.stages.map((s) => s.id)).toEqual([
      "first_contact",
      "needs_survey",
      "site_tour",
      "proposal_submitted",
      "won",
      "lost",
    ]);
    expect(definition.kpis?.map((k) => k.id)).toEqual([
      "process_compliance",
      "on_time_follow_rate",
      "visits_per_win",
    ]);
  });

  it("marks a visit on time when an earlier visit's agreed date is not past, or it is the first", () => {
    const visit = {
      deal: "d1",
      rep: "u1",
      visit_type: "follow_up",
      check_in_at: "2026-11-23T01:30:00Z",
      location: "客户总部",
      summary: "推进报价",
      next_date: "2026-11-30",
    };
    const onTime = submitted(app, "visit_record", visit, { earlier_visits: 2, earlier_due_not_passed: 1 });
    expect(onTime["on_time"]).toBe(1);
    // 01:30 UTC is 09:30 in Shanghai: the same calendar day.
    expect(onTime["visit_date"]).toBe("2026-11-23");
    expect(
      submitted(app, "visit_record", visit, { earlier_visits: 0, earlier_due_not_passed: 0 })["on_time"],
    ).toBe(1);
    expect(
      submitted(app, "visit_record", visit, { earlier_visits: 2, earlier_due_not_passed: 0 })["on_time"],
    ).toBe(0);
  });

  it("gives the scorecard week's end six days after its Monday", () => {
    expect(submitted(app, "process_scorecard", { rep: "u1", week_start: "2026-11-16" })["week_end"]).toBe(
      "2026-11-22",
    );
  });

  it("has demo data whose stage paths meet every stage's requirements", () => {
    const now = new Date("2026-11-23T02:00:00.000Z");
    expect(demoPathProblems(processControlTemplate, now)).toEqual([]);
    const demo = processControlTemplate.demoData?.(now) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
  });
});
