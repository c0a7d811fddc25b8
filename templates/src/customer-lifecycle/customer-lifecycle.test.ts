import { describe, expect, it } from "vitest";
import { compileOrThrow, demoPathProblems, entryProblems, submitted } from "../shared/test-support.js";
import { buildCustomerLifecycle, customerLifecycleTemplate } from "./index.js";

describe("customer-lifecycle template", () => {
  const definition = buildCustomerLifecycle();
  const app = compileOrThrow(definition);

  it("validates, compiles and labels everything in zh and en", () => {
    expect(entryProblems(customerLifecycleTemplate)).toEqual([]);
    expect(definition.forms.find((f) => f.id === "customer")?.pipeline?.stages.map((s) => s.id)).toEqual([
      "prospect",
      "onboarding",
      "active",
      "renewal_due",
      "churned",
    ]);
    expect(definition.kpis?.map((k) => k.id)).toEqual(["renewal_rate", "churn_rate", "ltv"]);
  });

  it("computes the health score as MIN(100, 0.6 × usage + 4 × NPS) and the LTV from orders", () => {
    const base = { customer_name: "云帆在线教育", owner: "u1", region: "east_china" };
    const healthy = submitted(
      app,
      "customer",
      { ...base, usage_index: 80, nps: 9 },
      { order_total: 216_000 },
    );
    expect(healthy["health_score"]).toBe(84);
    expect(healthy["ltv"]).toBe(216_000);
    expect(submitted(app, "customer", { ...base, usage_index: 100, nps: 10 })["health_score"]).toBe(100);
    expect(submitted(app, "customer", { ...base, usage_index: 20, nps: 3 })["health_score"]).toBe(24);
    expect(submitted(app, "customer", base)["ltv"]).toBe(0);
  });

  it("ends an order's term 365 days after a 12-month order", () => {
    const order = {
      customer: "c1",
      order_type: "renewal",
      amount: 240_000,
      order_date: "2026-11-23",
      term_months: 12,
    };
    expect(submitted(app, "order", order)["end_date"]).toBe("2027-11-23");
    expect(submitted(app, "order", { ...order, term_months: 6 })["end_date"]).toBe("2027-05-25");
  });

  it("has demo data whose stage paths meet every stage's requirements", () => {
    const now = new Date("2026-11-23T02:00:00.000Z");
    expect(demoPathProblems(customerLifecycleTemplate, now)).toEqual([]);
    const count = customerLifecycleTemplate.demoData?.(now).length ?? 0;
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(40);
  });
});
