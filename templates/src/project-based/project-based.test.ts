import { describe, expect, it } from "vitest";
import { compileOrThrow, demoPathProblems, entryProblems, submitted } from "../shared/test-support.js";
import { BID_APPROVAL_THRESHOLD } from "./forms/deal.js";
import { buildProjectBased, projectBasedTemplate } from "./index.js";

describe("project-based template", () => {
  const definition = buildProjectBased();
  const app = compileOrThrow(definition);

  it("validates, compiles and labels everything in zh and en", () => {
    expect(entryProblems(projectBasedTemplate)).toEqual([]);
    expect(definition.forms.find((f) => f.id === "deal")?.pipeline?.stages.map((s) => s.id)).toEqual([
      "identified",
      "bid_review",
      "solution_design",
      "bid_submitted",
      "won",
      "lost",
    ]);
  });

  it("makes entering bid_submitted a manager approval for bids of ¥1 M or more", () => {
    const stage = definition.forms
      .find((f) => f.id === "deal")
      ?.pipeline?.stages.find((s) => s.id === "bid_submitted");
    expect(stage?.approval?.on).toBe("enter");
    expect(stage?.approval?.steps[0]?.approvers).toEqual([{ type: "manager" }]);
    expect(stage?.approval?.steps[0]?.when).toEqual({ ">=": [{ var: "amount" }, BID_APPROVAL_THRESHOLD] });
    const design = definition.forms
      .find((f) => f.id === "deal")
      ?.pipeline?.stages.find((s) => s.id === "solution_design");
    expect(design?.guard).toEqual({ "===": [{ var: "go_decision" }, "go"] });
  });

  it("counts a milestone on time only when done by its due date", () => {
    const base = { deal: "d1", name: "项目启动会", owner: "u1", due_date: "2026-12-07" };
    expect(submitted(app, "milestone", { ...base, status: "done", done_on: "2026-12-07" })["on_time"]).toBe(
      1,
    );
    expect(submitted(app, "milestone", { ...base, status: "done", done_on: "2026-12-08" })["on_time"]).toBe(
      0,
    );
    expect(submitted(app, "milestone", { ...base, status: "open" })["on_time"]).toBe(0);
    expect(
      submitted(app, "deal", {
        deal_name: "x",
        customer: "c",
        owner: "u",
        amount: 1,
        expected_close_date: "2026-12-31",
      })["go_decision"],
    ).toBe("pending");
  });

  it("has demo data whose stage paths meet every stage's requirements", () => {
    const now = new Date("2026-11-23T02:00:00.000Z");
    expect(demoPathProblems(projectBasedTemplate, now)).toEqual([]);
    const demo = projectBasedTemplate.demoData?.(now) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    // No demo bid needs the approval (the demo installer cannot approve).
    for (const r of demo.filter((r) => r.form === "deal" && r.path?.includes("bid_submitted")))
      expect(Number(r.data["amount"])).toBeLessThan(BID_APPROVAL_THRESHOLD);
  });
});
