import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { buildJointSelling, jointSellingTemplate } from "./index.js";

const CTX = { now: "2026-12-01T02:00:00Z", timeZone: "Asia/Shanghai" };

function compiled() {
  const result = compileApp(buildJointSelling());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.app;
}

describe("joint-selling definition", () => {
  it("passes validateDefinition with no errors and compiles", () => {
    expect(validateDefinition(buildJointSelling()).errors).toEqual([]);
    expect(compileApp(buildJointSelling()).ok).toBe(true);
  });

  it("has the shared-lead and joint-deal pipelines", () => {
    const stages = (id: string) =>
      buildJointSelling()
        .forms.find((f) => f.id === id)
        ?.pipeline?.stages.map((s) => [s.id, s.terminal ?? null, s.requires ?? []]);
    expect(stages("shared_lead")).toEqual([
      ["submitted", null, []],
      ["accepted", "won", ["owner"]],
      ["rejected", "lost", ["reject_reason"]],
    ]);
    expect(stages("deal")).toEqual([
      ["referred", null, []],
      ["joint_proposal", null, ["joint_proposal"]],
      ["won", "won", []],
      ["lost", "lost", ["lost_reason"]],
    ]);
  });

  it("computes our revenue from the alliance's share", () => {
    const form = compiled().forms.get("deal")!;
    const result = submit(
      form,
      {
        deal_name: "苏州博世通 · 联合方案",
        customer: "c1",
        owner: "u1",
        amount: 480_000,
        expected_close_date: "2026-12-31",
        alliance: "a1",
      },
      { ...CTX, aggregates: { alliance_share: 0.6 } },
    );
    expect(result.ok && [result.data["our_share"], result.data["our_revenue"]]).toEqual([0.6, 288_000]);
  });

  it("balances the alliance's lead exchange and counts the days to expiry", () => {
    const form = compiled().forms.get("alliance")!;
    const result = submit(
      form,
      {
        partner_company: "云图数据科技",
        partner_email: "alliance@yuntu-demo.cn",
        alliance_manager: "u1",
        our_share: 0.6,
        lead_rules: "推送前须取得客户同意",
        agreement: [{ id: "f1", name: "协议.pdf" }],
        valid_until: "2026-12-31",
      },
      { ...CTX, aggregates: { sent_count: 2, received_count: 5 } },
    );
    expect(result.ok && result.data).toMatchObject({
      leads_sent: 2,
      leads_received: 5,
      lead_balance: -3,
      days_to_expiry: 30,
    });
  });

  it("has 15–40 demo records on its own forms", () => {
    const forms = new Set(buildJointSelling().forms.map((f) => f.id));
    const demo = jointSellingTemplate.demoData?.(new Date("2026-11-23T01:00:00Z")) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) expect(forms.has(record.form), record.form).toBe(true);
  });
});
