import { describe, expect, it } from "vitest";
import { compiledEntry, expectDemoDataFits, submitted } from "../styles/group-d-test-support.js";
import { customerExperienceTemplate } from "./index.js";

describe("customer-experience definition", () => {
  const app = compiledEntry(customerExperienceTemplate);
  const survey = (nps: number | null) =>
    submitted(app, "survey", {
      customer: "c1",
      owner: "u1",
      touchpoint: "demo",
      sent_at: "2026-11-20T02:00:00Z",
      ...(nps === null ? {} : { nps }),
    });

  it("scores +100 / 0 / −100 so the average is the NPS", () => {
    expect([10, 9, 8, 7, 6, 0].map((n) => survey(n)["nps_points"])).toEqual([100, 100, 0, 0, -100, -100]);
    expect(survey(null)["nps_points"]).toBeNull();
  });

  it("types customers by their latest NPS", () => {
    const customer = (nps_latest?: number) =>
      submitted(app, "customer", { customer_name: "x", owner: "u1", region: "east_china", nps_latest })[
        "promoter_type"
      ];
    expect([customer(9), customer(7), customer(6), customer(undefined)]).toEqual([
      "promoter",
      "passive",
      "detractor",
      "",
    ]);
  });

  it("gives complaints a due date and SLA hours by severity", () => {
    const complaint = (severity: string) =>
      submitted(
        app,
        "complaint",
        { customer: "c1", category: "product", severity, description: "d", owner: "u1" },
        { recent_surveys: 2 },
        undefined,
        { createdAt: "2026-11-23T02:00:00Z" },
      );
    expect(complaint("high")).toMatchObject({ sla_hours: 4, sla_due: "2026-11-23", surveys_last_30d: 2 });
    expect(complaint("medium")).toMatchObject({ sla_hours: 24, sla_due: "2026-11-24" });
    expect(complaint("low")).toMatchObject({ sla_hours: 72, sla_due: "2026-11-26" });
  });

  it("has demo data of its own forms", () => {
    expectDemoDataFits(customerExperienceTemplate);
  });
});
