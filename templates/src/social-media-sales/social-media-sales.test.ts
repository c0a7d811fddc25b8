import { compileApp, submit } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { buildSocialMediaSales, socialMediaSalesTemplate } from "./index.js";

const CTX = { now: "2026-12-01T02:00:00Z", timeZone: "Asia/Shanghai" };

function compiled() {
  const result = compileApp(buildSocialMediaSales());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.app;
}

describe("social-media-sales definition", () => {
  it("passes validateDefinition with no errors and compiles", () => {
    expect(validateDefinition(buildSocialMediaSales()).errors).toEqual([]);
    expect(compileApp(buildSocialMediaSales()).ok).toBe(true);
  });

  it("has the social lead pipeline into the private domain", () => {
    const stages = buildSocialMediaSales().forms.find((f) => f.id === "social_lead")?.pipeline?.stages ?? [];
    expect(stages.map((s) => s.id)).toEqual([
      "new",
      "engaged",
      "private_domain",
      "interested",
      "purchased",
      "dropped",
    ]);
    expect(stages.find((s) => s.id === "private_domain")?.guard).toBeDefined();
  });

  it("computes a post's engagement rate, leads and cost per lead", () => {
    const form = compiled().forms.get("content_post")!;
    const result = submit(
      form,
      {
        platform: "douyin",
        title: "3 分钟看懂家庭净水器怎么选",
        format: "short_video",
        publish_at: "2026-11-20T19:00:00+08:00",
        author: "u1",
        spend: 3000,
        views: 50_000,
        interactions: 2_500,
      },
      { ...CTX, aggregates: { lead_count: 4 } },
    );
    expect(result.ok && result.data).toMatchObject({ engagement_rate: 0.05, leads: 4, cost_per_lead: 750 });
  });

  it("computes a community's active rate", () => {
    const form = compiled().forms.get("community")!;
    const result = submit(
      form,
      {
        group_name: "净水生活交流群",
        platform: "wechat_group",
        operator: "u1",
        members: 400,
        active_members: 80,
      },
      CTX,
    );
    expect(result.ok && result.data["active_rate"]).toBe(0.2);
  });

  it("has 15–40 demo records on its own forms", () => {
    const forms = new Set(buildSocialMediaSales().forms.map((f) => f.id));
    const demo = socialMediaSalesTemplate.demoData?.(new Date("2026-11-23T01:00:00Z")) ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(40);
    for (const record of demo) expect(forms.has(record.form), record.form).toBe(true);
  });
});
