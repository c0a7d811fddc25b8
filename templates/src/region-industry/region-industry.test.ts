import { describe, expect, it } from "vitest";
import { compileOrThrow, demoPathProblems, entryProblems, submitted } from "../shared/test-support.js";
import { buildRegionIndustry, regionIndustryTemplate } from "./index.js";

describe("region-industry template", () => {
  const definition = buildRegionIndustry();
  const app = compileOrThrow(definition);
  const east = {
    territory_id: "t_east",
    manager: "m_east",
    reps: [{ rep: "r1" }, { rep: "r2" }, { rep: "r3" }],
  };
  const health = { territory_id: "t_health", manager: "m_health", reps: [{ rep: "r9" }] };
  const customer = { customer_name: "江南纺织集团", owner: "u0", region: "east_china", province: "jiangsu" };

  it("validates, compiles and labels everything in zh and en", () => {
    expect(entryProblems(regionIndustryTemplate)).toEqual([]);
    expect(definition.kpis?.map((k) => k.id)).toEqual(["quota_attainment", "penetration", "win_rate"]);
  });

  it("routes a customer to the industry territory before the region one", () => {
    const byRegion = submitted(app, "customer", customer, {
      region_territory: east,
      industry_territory: null,
    });
    expect(byRegion["matched_territory"]).toBe("t_east");
    expect(byRegion["matched_manager"]).toBe("m_east");
    const byIndustry = submitted(app, "customer", customer, {
      region_territory: east,
      industry_territory: health,
    });
    expect(byIndustry["matched_territory"]).toBe("t_health");
    expect(submitted(app, "customer", customer, {})["matched_territory"]).toBeNull();
  });

  it("rotates the owner over the territory's reps by the customers it already holds", () => {
    const next = (held: number) =>
      submitted(app, "customer", customer, { own_territory: east, territory_customers: held })["next_rep"];
    expect([0, 1, 2, 3, 4].map(next)).toEqual(["r1", "r2", "r3", "r1", "r2"]);
  });

  it("sums a territory's quotas and ends a review's month on its last day", () => {
    const territory = submitted(app, "territory", {
      code: "EAST-01",
      kind: "region",
      provinces: ["jiangsu"],
      manager: "m",
      reps: [
        { rep: "r1", quota: 2_000_000 },
        { rep: "r2", quota: 1_500_000 },
      ],
      effective_from: "2026-01-01",
    });
    expect(territory["quota_total"]).toBe(3_500_000);
    const month = (m: string) =>
      submitted(app, "territory_review", { territory: "t", manager: "m", month: m })["month_end"];
    expect([month("2026-11-01"), month("2026-12-01"), month("2027-02-01")]).toEqual([
      "2026-11-30",
      "2026-12-31",
      "2027-02-28",
    ]);
  });

  it("has demo data whose stage paths meet every stage's requirements", () => {
    const now = new Date("2026-11-23T02:00:00.000Z");
    expect(demoPathProblems(regionIndustryTemplate, now)).toEqual([]);
    const count = regionIndustryTemplate.demoData?.(now).length ?? 0;
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(40);
  });
});
