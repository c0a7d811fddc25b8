import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, firedRules, startScenario, type Scenario } from "./scenario.js";

// The harness itself: installs through the API, drives rules and the scheduler, captures webhooks.
describe("scenario harness", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario("sales-plan");
  });
  afterAll(async () => {
    await s.close();
  });

  it("installs the template as version 1 and creates records through the API", async () => {
    expect(s.definition.id).toBe("sales-plan");
    const lead = await s.create("lead", {
      contact_name: "王芳",
      company: "华东贸易",
      phone: "+86 138-0013-8000",
      source: "referral",
      region: "east_china",
    });
    expect(lead.stage).toBe("new");
    expect(await s.settle()).toBeGreaterThan(0);
    expect(firedRules(await s.runs())).toContain("r3_route_lead");
  });

  it("fires idle rules when the clock moves past their period", async () => {
    const before = (await s.runs()).length;
    await s.advance(2 * DAY);
    expect((await s.runs()).length).toBeGreaterThan(before);
  });

  it("reports a refused step with the server's answer", async () => {
    await expect(s.create("lead", { company: "x" })).rejects.toThrow(/create lead: 422/);
  });
});
