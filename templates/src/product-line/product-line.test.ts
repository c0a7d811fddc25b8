import { describe, expect, it } from "vitest";
import { compileOrThrow, demoPathProblems, entryProblems, submitted } from "../shared/test-support.js";
import { buildProductLine, productLineTemplate } from "./index.js";

describe("product-line template", () => {
  const definition = buildProductLine();
  const app = compileOrThrow(definition);
  const line = {
    line_id: "l1",
    line_manager: "m1",
    max_discount: 0.15,
    specialists: [{ member: "s1" }, { member: "s2" }],
  };
  const deal = {
    deal_name: "天瑞 私有云平台",
    customer: "c1",
    owner: "u1",
    amount: 1_365_000,
    expected_close_date: "2026-12-31",
    primary_line: "l1",
    items: [
      { product_line: "l1", product: "enterprise", amount: 1_200_000, discount: 0.1 },
      { product_line: "l2", product: "implementation", amount: 300_000, discount: 0.05 },
      { product_line: "l1", product: "training", amount: 20_000 },
    ],
  };

  it("validates, compiles and labels everything in zh and en", () => {
    expect(entryProblems(productLineTemplate)).toEqual([]);
    expect(definition.rules?.filter((r) => r.id.startsWith("r3_line_revenue_"))).toHaveLength(6);
  });

  it("totals the items after discount and spots a cross-sell over distinct lines", () => {
    const data = submitted(app, "deal", deal, { primary_line_data: line, line_deals: 3 });
    expect(data["items_total"]).toBe(1_080_000 + 285_000 + 20_000);
    expect(data["max_item_discount"]).toBe(0.1);
    expect(data["line_cap"]).toBe(0.15);
    expect(data["line_manager"]).toBe("m1");
    expect(data["line_count"]).toBe(2);
    expect(data["cross_sell"]).toBe(1);
    // 3 deals already on the line: the 4th goes to the second specialist.
    expect(data["next_specialist"]).toBe("s2");
    const single = submitted(
      app,
      "deal",
      { ...deal, items: deal.items.slice(0, 1) },
      { primary_line_data: line },
    );
    expect([single["line_count"], single["cross_sell"], single["next_specialist"]]).toEqual([1, 0, "s1"]);
  });

  it("has demo data whose stage paths meet every stage's requirements", () => {
    const now = new Date("2026-11-23T02:00:00.000Z");
    expect(demoPathProblems(productLineTemplate, now)).toEqual([]);
    const count = productLineTemplate.demoData?.(now).length ?? 0;
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(40);
  });
});
