import { describe, expect, it } from "vitest";
import { compiledEntry, expectDemoDataFits, submitted } from "../styles/group-d-test-support.js";
import { digitalSalesTemplate } from "./index.js";

describe("digital-sales definition", () => {
  const app = compiledEntry(digitalSalesTemplate);
  const snapshot = (active_days: number, created: number, planned: number) =>
    submitted(
      app,
      "adoption_snapshot",
      { week_start: "2026-11-16", user: "u1", active_days },
      { deals_created: created, follow_ups_logged: 0, overdue_follow_ups: planned },
    );

  it("scores adoption as 15 × active days + 2 × records − 5 × overdue, capped at 100", () => {
    expect(snapshot(3, 4, 1)).toMatchObject({
      week_end: "2026-11-23",
      records_created: 4,
      adoption_score: 48,
    });
    expect(snapshot(5, 20, 0)["adoption_score"]).toBe(100);
    expect(snapshot(0, 0, 3)["adoption_score"]).toBe(0);
  });

  it("counts every sync and marks a deal fully online", () => {
    const integration = submitted(app, "integration", {
      system_name: "ERP",
      system_type: "erp",
      direction: "outbound",
      events: ["deal_won"],
      owner: "u1",
      success_count: 98,
      failure_count: 2,
    });
    expect(integration).toMatchObject({ status: "testing", total_syncs: 100 });
    const deal = (extra: Record<string, unknown>) =>
      submitted(app, "deal", {
        deal_name: "d",
        customer: "c1",
        owner: "u1",
        amount: 1,
        expected_close_date: "2026-12-01",
        ...extra,
      });
    expect(deal({ signed_online: "yes", last_activity_at: "2026-11-20T02:00:00Z" })["online_trail"]).toBe(
      true,
    );
    expect(deal({ signed_online: "yes" })["online_trail"]).toBe(false);
  });

  it("guards going live on training and migration (R3)", () => {
    const live = digitalSalesTemplate.definition.forms
      .find((f) => f.id === "rollout_phase")
      ?.pipeline?.stages.find((s) => s.id === "live");
    expect(live?.guard).toBeDefined();
  });

  it("has demo data of its own forms", () => {
    expectDemoDataFits(digitalSalesTemplate);
  });
});
