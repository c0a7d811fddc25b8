import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { buildChannelSales, channelSalesTemplate } from "./index.js";

const POLICY = {
  tiers: [
    { min_amount: 300_000, rebate_rate: 0.01 },
    { min_amount: 1_000_000, rebate_rate: 0.03 },
    { min_amount: 3_000_000, rebate_rate: 0.05 },
  ],
};

/** The rate POLICY gives the sell-in amounts of the cases below (250 000 reaches no tier). */
const RATES: Record<string, number> = { bronze: 0, silver: 0.03, gold: 0.05 };

function compiled() {
  const result = compileApp(buildChannelSales());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.app;
}

describe("channel-sales definition", () => {
  it("passes validateDefinition with no errors and compiles", () => {
    const result = validateDefinition(buildChannelSales());
    expect(result.errors).toEqual([]);
    expect(compileApp(buildChannelSales()).ok).toBe(true);
  });

  it("has partners, rebate policies and sell-in orders with the partner pipeline", () => {
    const definition = buildChannelSales();
    expect(definition.forms.map((f) => f.id)).toEqual(["partner", "rebate_policy", "sell_in_order"]);
    const stages = definition.forms[0]?.pipeline?.stages ?? [];
    expect(stages.map((s) => s.id)).toEqual(["applied", "qualified", "signed", "active", "terminated"]);
    expect(stages.at(-1)?.terminal).toBe("lost");
  });

  it("totals an order's lines", () => {
    const form = compiled().forms.get("sell_in_order")!;
    const result = submit(
      form,
      {
        partner: "p1",
        order_date: "2026-05-01",
        paid: "no",
        lines: [
          { product: "standard", qty: 10, unit_price: 1200 },
          { product: "support", qty: 2, unit_price: 2000.5 },
        ],
      },
      { now: "2026-05-01T02:00:00Z", timeZone: "Asia/Shanghai" },
    );
    expect(result.ok && result.data["total"]).toBe(16_001);
  });

  it.each([
    [250_000, "bronze"],
    [1_000_000, "silver"],
    [2_999_999, "silver"],
    [3_000_000, "gold"],
  ])("ranks a partner with %d of sell-in as %s", (sellIn, tier) => {
    const form = compiled().forms.get("partner")!;
    const result = submit(
      form,
      { name: "鑫达", partner_type: "agent", territory: "east_china", channel_manager: "u1" },
      {
        now: "2026-05-01T02:00:00Z",
        timeZone: "Asia/Shanghai",
        aggregates: { ytd_sell_in_total: sellIn, rebate_policy: POLICY },
      },
    );
    expect(result.ok && result.data["ytd_sell_in"]).toBe(sellIn);
    expect(result.ok && result.data["tier"]).toBe(tier);
    expect(result.ok && result.data["current_rebate_rate"]).toBe(RATES[tier]);
  });

  it("registers demo data that names only its own forms", () => {
    const forms = new Set(buildChannelSales().forms.map((f) => f.id));
    const demo = channelSalesTemplate.demoData?.(new Date("2026-11-23T01:00:00Z")) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    for (const record of demo) expect(forms.has(record.form), record.form).toBe(true);
  });
});
