import { describe, expect, it } from "vitest";
import { compiledEntry, expectDemoDataFits, submitted } from "../styles/group-d-test-support.js";
import { leanSalesTemplate } from "./index.js";

const DEAL = {
  deal_name: "d",
  customer: "c1",
  owner: "u1",
  amount: 1000,
  expected_close_date: "2026-12-01",
  qualified_days: 4,
  proposal_days: 6,
  negotiation_days: 10,
};

describe("lean-sales definition", () => {
  const app = compiledEntry(leanSalesTemplate);

  it("counts the days of value-adding stages only", () => {
    const deal = submitted(app, "deal", DEAL, { va_qualified: 0, va_proposal: 1, va_negotiation: 1 });
    expect(deal).toMatchObject({
      value_adding_days: 16,
      stage_days_total: 20,
      wait_reason: "none",
      rework_count: 0,
    });
  });

  it("reads the P75 of the deal's stage and the day it passes it", () => {
    const deal = submitted(
      app,
      "deal",
      DEAL,
      { p75_qualified: 3, p75_proposal: 7.5, p75_negotiation: 12 },
      undefined,
      { stage: "proposal", stageEnteredAt: "2026-11-20T02:00:00Z" },
    );
    expect(deal).toMatchObject({ stage_p75_days: 7.5, stage_p75_due: "2026-11-28", days_in_stage: 3 });
    const benchmark = submitted(
      app,
      "stage_benchmark",
      { stage: "negotiation", value_adding: "yes", target_days: 10, owner: "u1" },
      { p75_qualified: 3, p75_proposal: 7.5, p75_negotiation: 12 },
    );
    expect(benchmark["p75_days"]).toBe(12);
  });

  it("keeps the deal pipeline to the core stages", () => {
    const stages = leanSalesTemplate.definition.forms.find((f) => f.id === "deal")?.pipeline?.stages;
    expect(stages?.map((s) => s.id)).toEqual(["qualified", "proposal", "negotiation", "won", "lost"]);
  });

  it("has demo data of its own forms", () => {
    expectDemoDataFits(leanSalesTemplate);
  });
});
