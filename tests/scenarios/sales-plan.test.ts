import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, firedRules, startScenario, type Scenario, type ScenarioUser } from "./scenario.js";

// The flagship end to end, as a sales team would run it: a year goal broken down by the scaffold
// (and the seed's inconsistent SaaS figures flagged), leads routed and converted, customers with
// their tier cadence, follow-ups, a deal through the seed's stage sequence, a quote signed and
// rolled into the person-month actuals, the daily/weekly schedules, and every KPI's number.
// Approvals (goal sign-off, discounts above 15 %) are walked in sales-plan-approvals.test.ts.
describe("sales-plan scenario", () => {
  let s: Scenario;
  let manager: ScenarioUser;
  let rep: ScenarioUser;
  // Monday 23 November 2026, 09:00 in Shanghai.
  const start = "2026-11-23T01:00:00.000Z";

  beforeAll(async () => {
    s = await startScenario("sales-plan", { now: start });
    manager = await s.addUser("Li Manager", { role: "admin" });
    rep = await s.addUser("Zhang Rep", { role: "builder", managerId: manager.id });
  });
  afterAll(async () => {
    await s.close();
  });

  const titlesTo = async (userId: string) => (await s.notifications(userId)).map((n) => n.title.en);

  describe("the year goal and its breakdown", () => {
    let goalId: string;

    it("scaffolds four quarters and twelve months when the goal enters breakdown (R1)", async () => {
      // The seed's SaaS example: ¥100 M and 500 new customers a year.
      const goal = await s.create("sales_goal", {
        goal_name: "2026 年度销售目标",
        fiscal_year: 2026,
        plan_owner: s.owner.id,
        revenue_target: 100_000_000,
        new_customer_target: 500,
        smart_check: ["specific", "measurable", "achievable", "relevant", "time_bound"],
      });
      goalId = goal.id;
      await s.move("sales_goal", goalId, "breakdown");
      await s.settle();
      const rows = await s.list("goal_breakdown");
      const quarters = rows.filter((r) => r.data["level"] === "quarter");
      const months = rows.filter((r) => r.data["level"] === "month");
      expect(quarters.map((q) => q.data["target_amount"])).toEqual([
        25_000_000, 25_000_000, 25_000_000, 25_000_000,
      ]);
      expect(quarters.map((q) => q.data["target_new_customers"])).toEqual([125, 125, 125, 125]);
      expect(months).toHaveLength(12);
      const q1 = quarters.find((q) => q.data["period_start"] === "2026-01-01");
      const q1Months = months.filter((m) => m.data["parent_row"] === q1?.id);
      expect(q1Months.map((m) => m.data["period_start"]).sort()).toEqual([
        "2026-01-01",
        "2026-02-01",
        "2026-03-01",
      ]);
      const sum = q1Months.reduce((total, m) => total + Number(m.data["target_amount"]), 0);
      expect(sum).toBeCloseTo(25_000_000, 0);
      const rules = firedRules(await s.runs());
      expect(rules).toContain("r1_scaffold_quarters");
      expect(rules).toContain("r1_scaffold_months");
      const after = await s.get("sales_goal", goalId);
      expect(after.data["breakdown_gap"]).toBe(0);
    });

    it("flags the seed's figures that do not add up (R2) and refuses approval until they do", async () => {
      const rows = await s.list("goal_breakdown");
      const q1 = rows.find((r) => r.data["level"] === "quarter" && r.data["period_start"] === "2026-01-01");
      if (q1 === undefined) throw new Error("no Q1 row");
      // Q1 = 20 % and 100 customers; each month ¥15 M and 20 customers (3 × 15 M = 45 M ≠ 20 M).
      await s.patch("goal_breakdown", q1.id, { target_amount: 20_000_000, target_new_customers: 100 });
      for (const month of rows.filter((r) => r.data["parent_row"] === q1.id)) {
        await s.patch("goal_breakdown", month.id, { target_amount: 15_000_000, target_new_customers: 20 });
      }
      await s.settle();
      expect(firedRules(await s.runs("r2_children_sum_check"))).toContain("r2_children_sum_check");
      expect(await titlesTo(s.owner.id)).toContain("Goal breakdown out of balance");
      const refreshed = await s.get("goal_breakdown", q1.id);
      expect(refreshed.data["children_gap"]).toBe(20_000_000 - 45_000_000);
      const goal = await s.get("sales_goal", goalId);
      expect(goal.data["breakdown_gap"]).toBe(100_000_000 - 95_000_000);
      expect(goal.data["breakdown_ok"]).toBe(false);
      const refused = await s.tryMove("sales_goal", goalId, "approved");
      expect(refused.statusCode).toBe(422);
    });
  });

  describe("leads", () => {
    let leadId: string;
    let customerId: string;

    it("routes a new lead and tells its owner (R3), then chases it after a day (R3 idle)", async () => {
      const lead = await s.create(
        "lead",
        {
          contact_name: "王芳",
          company: "华东精密制造",
          phone: "+86 138-0013-8000",
          source: "referral",
          region: "east_china",
        },
        rep,
      );
      leadId = lead.id;
      await s.settle();
      const routed = await s.get("lead", leadId);
      expect(routed.ownerId).toBe(rep.id);
      expect(routed.data["owner"]).toBe(rep.id);
      expect(await titlesTo(rep.id)).toContain("A new lead is assigned to you");
      await s.advance(DAY + 3_600_000);
      expect(await titlesTo(rep.id)).toContain("Lead untouched for a day");
      expect(await titlesTo(manager.id)).toContain("Lead untouched for a day");
    });

    it("qualifies only with a need summary, and converts into a linked deal (R4)", async () => {
      await s.move("lead", leadId, "contacted", rep);
      const refused = await s.tryMove("lead", leadId, "qualified", rep);
      expect(refused.statusCode).toBe(422);
      expect(refused.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
        "/data/need_summary",
      ]);
      await s.patch("lead", leadId, { need_summary: "50 个销售席位的 CRM，替换 Excel 台账" }, rep);
      await s.move("lead", leadId, "qualified", rep);
      const customer = await s.create(
        "customer",
        {
          customer_name: "华东精密制造有限公司",
          owner: rep.id,
          region: "east_china",
          industry: "manufacturing",
          company_size: "large",
          tier: "A",
          status: "prospect",
          contacts: [{ name: "王芳", title: "采购总监", decision_role: "decision_maker" }],
        },
        rep,
      );
      customerId = customer.id;
      expect(customer.data["follow_cycle_days"]).toBe(7);
      await s.patch("lead", leadId, { customer: customerId }, rep);
      await s.move("lead", leadId, "converted", rep);
      await s.settle();
      const deals = await s.list("deal");
      const converted = deals.find((d) => d.data["lead"] === leadId);
      expect(converted?.data).toMatchObject({
        deal_name: "华东精密制造 · 王芳",
        customer: customerId,
        owner: rep.id,
        deal_type: "new",
        needs_summary: "50 个销售席位的 CRM，替换 Excel 台账",
      });
      expect((await s.get("lead", leadId)).data["deal"]).toBe(converted?.id);
      const rules = firedRules(await s.runs());
      expect(rules).toContain("r4_convert_lead");
      expect(rules).toContain("r4_link_deal_to_lead");
    });
  });
});
