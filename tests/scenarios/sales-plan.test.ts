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
  let goalId: string;
  let customerId: string;
  let dealId: string;
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
      dealId = converted?.id ?? "";
      const rules = firedRules(await s.runs());
      expect(rules).toContain("r4_convert_lead");
      expect(rules).toContain("r4_link_deal_to_lead");
    });

    it("disqualifies a lead only with a reason", async () => {
      const lead = await s.create(
        "lead",
        {
          contact_name: "冯涛",
          company: "西安某贸易公司",
          phone: "029-8888-6666",
          source: "website",
          region: "northwest",
        },
        rep,
      );
      const refused = await s.tryMove("lead", lead.id, "disqualified", rep);
      expect(refused.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
        "/data/disqualify_reason",
      ]);
      await s.patch("lead", lead.id, { disqualify_reason: "no_budget" }, rep);
      await s.move("lead", lead.id, "disqualified", rep);
    });
  });

  describe("follow-ups", () => {
    it("stamps the customer and deal and plans the next follow-up when one is done (R5)", async () => {
      const followUp = await s.create(
        "follow_up",
        {
          customer: customerId,
          deal: dealId,
          owner: rep.id,
          follow_type: "visit",
          status: "planned",
          follow_at: "2026-11-24T14:00:00+08:00",
        },
        rep,
      );
      // The notes field appears (and is required) once the follow-up is done.
      await s.patch(
        "follow_up",
        followUp.id,
        { status: "done", content: "上门演示产品，客户认可", next_follow_date: "2026-12-01" },
        rep,
      );
      await s.settle();
      expect((await s.get("customer", customerId)).data["last_activity_at"]).toBe("2026-11-24T06:00:00.000Z");
      expect((await s.get("deal", dealId)).data["last_activity_at"]).toBe("2026-11-24T06:00:00.000Z");
      const planned = (await s.list("follow_up")).filter((f) => f.data["status"] === "planned");
      expect(planned.map((f) => f.data)).toEqual([
        expect.objectContaining({
          customer: customerId,
          deal: dealId,
          follow_type: "visit",
          follow_at: "2026-12-01T01:00:00.000Z",
        }),
      ]);
    });

    it("asks the satisfaction score of a done return visit and records it on the customer (R5)", async () => {
      const missing = await s.tryCreate(
        "follow_up",
        {
          customer: customerId,
          owner: rep.id,
          follow_type: "return_visit",
          status: "done",
          follow_at: "2026-11-24T16:00:00+08:00",
          content: "回访使用情况",
        },
        rep,
      );
      expect(missing.statusCode).toBe(422);
      expect(missing.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
        "/data/satisfaction_score",
      ]);
      const visit = await s.create(
        "follow_up",
        {
          customer: customerId,
          owner: rep.id,
          follow_type: "return_visit",
          status: "planned",
          follow_at: "2026-11-24T16:00:00+08:00",
        },
        rep,
      );
      await s.patch(
        "follow_up",
        visit.id,
        { status: "done", content: "回访使用情况", satisfaction_score: 4, repurchase_intent: "yes" },
        rep,
      );
      await s.settle();
      expect((await s.get("customer", customerId)).data["latest_satisfaction"]).toBe(4);
      expect(firedRules(await s.runs("r5_latest_satisfaction"))).toContain("r5_latest_satisfaction");
    });
  });

  describe("the deal, its quote and the signed contract", () => {
    let personRowId: string;
    let monthRowId: string;
    let contractId: string;

    it("moves the deal through the seed's stages, each with its requirements", async () => {
      const months = (await s.list("goal_breakdown")).filter((r) => r.data["level"] === "month");
      monthRowId = months.find((m) => m.data["period_start"] === "2026-11-01")?.id ?? "";
      const person = await s.create("goal_breakdown", {
        parent_goal: goalId,
        parent_row: monthRowId,
        level: "person",
        period_start: "2026-11-01",
        period_end: "2026-11-30",
        team: "team_east",
        assignee: rep.id,
        target_amount: 2_000_000,
        target_new_customers: 2,
        target_renewals: 1,
        target_visits: 10,
      });
      personRowId = person.id;
      // Three days after the lead converted, the deal moves on.
      await s.advanceTo("2026-11-27T01:30:00.000Z");
      const refused = await s.tryMove("deal", dealId, "needs_confirmed", rep);
      expect(refused.statusCode).toBe(422);
      expect(
        refused
          .json<{ errors: { path: string }[] }>()
          .errors.map((e) => e.path)
          .sort(),
      ).toEqual(["/data/budget_amount", "/data/decision_maker"]);
      await s.patch(
        "deal",
        dealId,
        { amount: 1_080_000, decision_maker: "采购总监 王芳", budget_amount: 1_200_000 },
        rep,
      );
      await s.move("deal", dealId, "needs_confirmed", rep);
      expect((await s.tryMove("deal", dealId, "solution", rep)).statusCode).toBe(422);
      await s.patch("deal", dealId, { solution_file: [{ id: "sol-1", name: "解决方案.pdf" }] }, rep);
      await s.move("deal", dealId, "solution", rep);
      const contract = await s.create(
        "quote_contract",
        {
          deal: dealId,
          customer: customerId,
          owner: rep.id,
          contract_type: "new",
          line_items: [{ product: "professional", qty: 100, unit_price: 12_000, discount: 0.1 }],
        },
        rep,
      );
      contractId = contract.id;
      expect(contract.data).toMatchObject({ total_amount: 1_080_000, max_discount: 0.1 });
      await s.patch("deal", dealId, { quote: contractId }, rep);
      await s.move("deal", dealId, "quotation", rep);
      await s.move("deal", dealId, "signing", rep);
    });

    it("sends a quote within the discount limit without approval (R7)", async () => {
      await s.move("quote_contract", contractId, "pending_approval", rep);
      await s.settle();
      expect((await s.get("quote_contract", contractId)).stage).toBe("sent");
      expect(firedRules(await s.runs("r7_discount_check"))).toContain("r7_discount_check");
    });

    it("signs: the deal is won, the customer active, the goal actuals rolled up, a return visit planned (R8, R9)", async () => {
      const refused = await s.tryMove("quote_contract", contractId, "signed", rep);
      expect(
        refused
          .json<{ errors: { path: string }[] }>()
          .errors.map((e) => e.path)
          .sort(),
      ).toEqual(["/data/contract_file", "/data/contract_no", "/data/end_date", "/data/sign_date"]);
      await s.patch(
        "quote_contract",
        contractId,
        {
          contract_no: "HT-2026-001",
          sign_date: "2026-11-27",
          end_date: "2027-01-28",
          contract_file: [{ id: "ht-1", name: "合同.pdf" }],
        },
        rep,
      );
      await s.move("quote_contract", contractId, "signed", rep);
      await s.settle();
      const deal = await s.get("deal", dealId);
      expect(deal.stage).toBe("won");
      expect(deal.data["win_probability"]).toBe(1);
      expect((await s.get("customer", customerId)).data["status"]).toBe("active");
      const person = await s.get("goal_breakdown", personRowId);
      expect(person.data).toMatchObject({
        actual_amount: 1_080_000,
        actual_new_customers: 1,
        achievement_rate: 0.54,
      });
      expect((await s.get("goal_breakdown", monthRowId)).data["actual_amount"]).toBe(1_080_000);
      expect(await titlesTo(rep.id)).toContain("Contract signed");
      expect(await titlesTo(manager.id)).toContain("Contract signed");
      const returnVisit = (await s.list("follow_up")).find(
        (f) => f.data["follow_type"] === "return_visit" && f.data["status"] === "planned",
      );
      expect(returnVisit?.data["follow_at"]).toBe("2026-12-27T02:00:00.000Z");
      const rules = firedRules(await s.runs());
      for (const id of ["r8_contract_signed", "r8_deal_won", "r8_roll_up_actuals", "r9_return_visit"]) {
        expect(rules).toContain(id);
      }
    });
  });

  describe("the schedules", () => {
    let openDealId: string;

    it("creates the renewal deal 60 days before a contract ends (R9), the weekly review (R10) and pace alerts (R11)", async () => {
      const open = await s.create(
        "deal",
        {
          deal_name: "华东精密二期扩容",
          customer: customerId,
          owner: rep.id,
          amount: 500_000,
          expected_close_date: "2027-02-28",
          deal_type: "upsell",
        },
        rep,
      );
      openDealId = open.id;
      // Last week's review, held: its successor is created on Monday (14 days after its start).
      await s.create(
        "weekly_review",
        { week_start: "2026-11-16", team: "team_east", host: manager.id, week_target: 500_000 },
        manager,
      );
      // The contract ends 2027-01-28: 60 days before is 2026-11-29; Monday 30 November brings the review and pace checks.
      await s.advanceTo("2026-11-30T01:30:00.000Z");
      const renewal = (await s.list("deal")).find((d) => d.data["deal_type"] === "renewal");
      expect(renewal?.data).toMatchObject({
        customer: customerId,
        owner: rep.id,
        amount: 1_080_000,
        expected_close_date: "2027-01-28",
      });
      expect(await titlesTo(rep.id)).toContain("Contract ends in 60 days: renewal deal created");
      const reviews = await s.list("weekly_review");
      expect(reviews.map((r) => r.data["week_start"]).sort()).toEqual(["2026-11-16", "2026-11-23"]);
      expect(await titlesTo(manager.id)).toContain("This week's review is ready");
      // 54 % achieved with 97 % of November gone: more than 20 points behind.
      expect(await titlesTo(rep.id)).toContain("Behind pace this month");
      const rules = firedRules(await s.runs());
      for (const id of ["r9_renewal_deal", "r10_weekly_review", "r11_pace_alert"])
        expect(rules).toContain(id);
    });

    it("reminds the owner of a deal idle past its customer's cadence, and the manager past twice it (R6)", async () => {
      // A-tier customer: a 7-day cadence. The open deal was created on 30 November (no activity since).
      await s.advanceTo("2026-12-08T01:30:00.000Z");
      const toRep = (await s.notifications(rep.id)).filter(
        (n) => n.title.en === "Deal without recent activity",
      );
      expect(toRep.map((n) => n.recordId)).toContain(openDealId);
      expect(await titlesTo(manager.id)).not.toContain("Deal without recent activity");
      await s.advanceTo("2026-12-15T01:30:00.000Z");
      const toManager = (await s.notifications(manager.id)).filter(
        (n) => n.title.en === "Deal without recent activity",
      );
      expect(toManager.map((n) => n.recordId)).toContain(openDealId);
    });
  });

  describe("the KPIs over the year", () => {
    it("count last year's contract ending this year and its renewal (renewal and repurchase inputs)", async () => {
      const contract = async (type: string, qty: number, sign: string, end: string, no: string) => {
        const created = await s.create(
          "quote_contract",
          {
            deal: dealId,
            customer: customerId,
            owner: rep.id,
            contract_type: type,
            line_items: [{ product: "standard", qty, unit_price: 12_000 }],
            contract_no: no,
            sign_date: sign,
            end_date: end,
            contract_file: [{ id: no, name: `${no}.pdf` }],
          },
          rep,
        );
        await s.move("quote_contract", created.id, "pending_approval", rep);
        await s.settle();
        await s.move("quote_contract", created.id, "signed", rep);
        await s.settle();
      };
      await contract("new", 20, "2025-12-01", "2026-11-30", "HT-2025-017");
      await contract("renewal", 10, "2026-12-10", "2027-12-09", "HT-2026-019");
      expect((await s.get("customer", customerId)).data["contracts_last_12m"]).toBe(2);
    });

    it("answers every KPI with the number the records give", async () => {
      const value = async (id: string) => (await s.kpi(id)).value;
      // ¥1,080,000 + ¥120,000 signed in 2026 against the person target of ¥2,000,000.
      expect(await value("goal_achievement_rate")).toBeCloseTo(0.6, 10);
      const newCustomers = await s.kpi("new_customers_signed");
      expect([newCustomers.value, newCustomers.goal]).toEqual([1, 2]);
      // One lead converted, one disqualified.
      expect(await value("lead_conversion_rate")).toBe(0.5);
      // Three deals started (converted, upsell, renewal), one won.
      expect(await value("stage_conversion_rate")).toBeCloseTo(1 / 3, 10);
      // Converted on 24 November, won on 27 November.
      expect(await value("sales_cycle_days")).toBe(3);
      expect(await value("customer_satisfaction")).toBe(4);
      // One contract ended in 2026 and one renewal was signed.
      expect(await value("renewal_rate")).toBe(1);
      // The one active customer has two contracts in the last twelve months.
      expect(await value("repurchase_rate")).toBe(1);
      const visits = await s.kpi("visits");
      expect([visits.value, visits.goal]).toEqual([2, 10]);
    });

    it("shows the same figures on the plan cockpit", async () => {
      const cockpit = await s.dashboard("plan_cockpit");
      const byId = new Map(
        (cockpit.widgets as { id: string; data: { value: number | null } | null }[]).map((w) => [
          w.id,
          w.data,
        ]),
      );
      expect(byId.get("achievement")?.value).toBeCloseTo(0.6, 10);
      expect(byId.get("cycle")?.value).toBe(3);
      expect(byId.get("renewal")?.value).toBe(1);
      expect(byId.get("conversion")?.value).toBeCloseTo(1 / 3, 10);
    });
  });
});
