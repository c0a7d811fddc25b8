import { describe, expect, it } from "vitest";
import { compileOrThrow, demoPathProblems, entryProblems, submitted } from "../shared/test-support.js";
import { buildKeyAccountManagement, keyAccountManagementTemplate } from "./index.js";

describe("key-account-management template", () => {
  const definition = buildKeyAccountManagement();
  const app = compileOrThrow(definition);
  const now = "2026-11-23T02:00:00.000Z";

  it("validates, compiles and labels everything in zh and en", () => {
    expect(entryProblems(keyAccountManagementTemplate)).toEqual([]);
    expect(definition.forms.find((f) => f.id === "account_plan")?.pipeline?.stages.map((s) => s.id)).toEqual([
      "draft",
      "stakeholders_mapped",
      "approved",
      "executing",
      "closed",
    ]);
  });

  it("counts decision makers, those met in 90 days, and the oldest contact date", () => {
    const plan = submitted(
      app,
      "account_plan",
      {
        key_account: "k1",
        kam: "u1",
        fiscal_year: 2026,
        revenue_goal: 15_000_000,
        stakeholders: [
          { name: "王总", role: "decision_maker", attitude: "supporter", last_contact: "2026-10-01" },
          { name: "李处长", role: "decision_maker", attitude: "neutral", last_contact: "2026-08-01" },
          { name: "赵董", role: "decision_maker", attitude: "neutral" },
          { name: "张工", role: "user", attitude: "supporter", last_contact: "2026-06-01" },
        ],
      },
      { won_revenue: 4_000_000 },
      now,
    );
    expect(plan["dm_count"]).toBe(3);
    // 2026-08-01 is 114 days before 2026-11-23: not covered.
    expect(plan["dm_covered"]).toBe(1);
    expect(plan["stalest_dm_contact"]).toBe("2026-08-01");
    expect(plan["revenue_actual"]).toBe(4_000_000);
    expect(plan["attainment"]).toBeCloseTo(4 / 15, 10);
  });

  it("has demo data whose stage paths meet every stage's requirements", () => {
    expect(demoPathProblems(keyAccountManagementTemplate, new Date(now))).toEqual([]);
    const count = keyAccountManagementTemplate.demoData?.(new Date(now)).length ?? 0;
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(40);
  });
});
