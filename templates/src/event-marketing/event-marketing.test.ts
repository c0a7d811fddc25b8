import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { buildEventMarketing, eventMarketingTemplate } from "./index.js";

const CTX = { now: "2026-12-01T02:00:00Z", timeZone: "Asia/Shanghai" };

function compiled() {
  const result = compileApp(buildEventMarketing());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.app;
}

const EVENT = {
  name: "智能产线新品发布会",
  event_type: "launch",
  event_date: "2026-12-10",
  owner: "u1",
  budget: 80_000,
  target_registrations: 50,
};

describe("event-marketing definition", () => {
  it("passes validateDefinition with no errors and compiles", () => {
    expect(validateDefinition(buildEventMarketing()).errors).toEqual([]);
    expect(compileApp(buildEventMarketing()).ok).toBe(true);
  });

  it("has the event and core deal pipelines", () => {
    const stages = (id: string) =>
      buildEventMarketing()
        .forms.find((f) => f.id === id)
        ?.pipeline?.stages.map((s) => s.id);
    expect(stages("event")).toEqual(["planning", "promotion", "live", "follow_up", "closed", "cancelled"]);
    expect(stages("deal")).toEqual(["qualified", "proposal", "negotiation", "won", "lost"]);
  });

  it("computes the conversion window, registrations and ROI of an event", () => {
    const form = compiled().forms.get("event")!;
    const result = submit(
      form,
      { ...EVENT, actual_cost: 40_000 },
      { ...CTX, aggregates: { registration_count: 4, won_amount_sum: 120_000 } },
    );
    expect(result.ok && result.data).toMatchObject({
      conversion_window_days: 30,
      window_end: "2027-01-09",
      registrations: 4,
      won_amount: 120_000,
      roi: 3,
    });
  });

  it("leaves ROI empty until the actual cost is known", () => {
    const form = compiled().forms.get("event")!;
    const result = submit(form, EVENT, { ...CTX, aggregates: { won_amount_sum: 120_000 } });
    expect(result.ok && result.data["roi"]).toBeNull();
  });

  it("registers an attendee as not checked in by default", () => {
    const form = compiled().forms.get("registration")!;
    const result = submit(
      form,
      { event: "e1", attendee: "王磊", phone: "+86 135-4100-5200", region: "east_china" },
      CTX,
    );
    expect(result.ok && result.data["checked_in"]).toBe("no");
  });

  it("has 15–40 demo records on its own forms", () => {
    const forms = new Set(buildEventMarketing().forms.map((f) => f.id));
    const demo = eventMarketingTemplate.demoData?.(new Date("2026-11-23T01:00:00Z")) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) expect(forms.has(record.form), record.form).toBe(true);
  });
});
