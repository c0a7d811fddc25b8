import { describe, expect, it } from "vitest";
import { salesAppFixture } from "@stagecraft/schemas/testing";
import { compileApp, DEFAULT_CASCADE_DEPTH } from "./compile-app.js";

describe("compileApp", () => {
  it("compiles every form, pipeline, rule and KPI of a valid definition", () => {
    const definition = salesAppFixture();
    const result = compileApp(definition);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { app } = result;
    expect([...app.forms.keys()]).toEqual(definition.forms.map((f) => f.id));
    expect([...app.pipelines.keys()]).toEqual(definition.forms.filter((f) => f.pipeline).map((f) => f.id));
    expect([...app.kpis.keys()]).toEqual((definition.kpis ?? []).map((k) => k.id));
    expect(app.rules.ruleById.size).toBe((definition.rules ?? []).length);
    expect(app.definition).toEqual(definition);
  });

  it("takes the time zone and cascade depth from the settings, with defaults", () => {
    const withSettings = salesAppFixture();
    withSettings.settings = { timeZone: "Asia/Shanghai", cascadeDepth: 3 };
    const a = compileApp(withSettings);
    expect(a.ok && a.app.timeZone).toBe("Asia/Shanghai");
    expect(a.ok && a.app.cascadeDepth).toBe(3);

    const bare = salesAppFixture();
    delete bare.settings;
    const b = compileApp(bare);
    expect(b.ok && b.app.timeZone).toBe("UTC");
    expect(b.ok && b.app.cascadeDepth).toBe(DEFAULT_CASCADE_DEPTH);
  });

  it("returns every problem as data instead of throwing", () => {
    expect(compileApp(null)).toMatchObject({ ok: false });
    const broken = salesAppFixture();
    const [first] = broken.forms;
    if (first?.pipeline) first.pipeline.initial = "nowhere";
    broken.id = "Not Kebab";
    const result = compileApp(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const codes = result.errors.map((e) => e.code);
      expect(codes).toContain("pattern");
    }
  });
});
