import { describe, expect, it } from "vitest";
import { compiledEntry, expectDemoDataFits, submitted } from "../styles/group-d-test-support.js";
import { crossDepartmentTemplate } from "./index.js";

describe("cross-department definition", () => {
  const app = compiledEntry(crossDepartmentTemplate);
  const request = (request_type: string) =>
    submitted(
      app,
      "dept_request",
      { deal: "d1", to_dept: "finance", request_type, description: "d", requester: "u1" },
      {},
      undefined,
      { createdAt: "2026-11-23T02:00:00Z" },
    );

  it("gives pricing approvals 24 hours and other requests 72", () => {
    expect(request("pricing_approval")).toMatchObject({ due_hours: 24, due_date: "2026-11-24" });
    expect(request("feasibility")).toMatchObject({ due_hours: 72, due_date: "2026-11-26" });
  });

  it("guards the proposal of a custom deal on approved feasibility (R3)", () => {
    const stages = crossDepartmentTemplate.definition.forms.find((f) => f.id === "deal")?.pipeline?.stages;
    expect(stages?.map((s) => s.id)).toEqual(["qualified", "solution_design", "proposal", "won", "lost"]);
    expect(stages?.find((s) => s.id === "proposal")?.guard).toBeDefined();
    const deal = submitted(app, "deal", {
      deal_name: "d",
      customer: "c1",
      owner: "u1",
      amount: 1,
      expected_close_date: "2026-12-01",
    });
    expect(deal["complexity"]).toBe("standard");
  });

  it("has demo data of its own forms", () => {
    expectDemoDataFits(crossDepartmentTemplate);
  });
});
