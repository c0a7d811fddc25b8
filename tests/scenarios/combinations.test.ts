import { TEMPLATE_COMBINATIONS, getTemplate } from "@stagecraft/templates";
import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "@stagecraft/runtime-api/testing";

// The catalogue's recommended combinations install as one app each (TEMPLATES.md §C).
describe("recommended template combinations", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it.each(TEMPLATE_COMBINATIONS.map((c) => [c.id, c.templateIds] as const))(
    "%s installs as one app holding every template's forms",
    async (_id, templateIds) => {
      const res = await rt.call("POST", "/api/apps", rt.ownerToken, { templateIds });
      expect(res.statusCode, res.body).toBe(201);
      const app = res.json<{ id: string; definition: AppDefinition; templateId: string; notes: unknown[] }>();
      expect(validateDefinition(app.definition).errors).toEqual([]);
      expect(app.templateId).toBe(templateIds.join("+"));
      const formIds = new Set(app.definition.forms.map((f) => f.id));
      for (const templateId of templateIds) {
        for (const form of getTemplate(templateId)?.forms ?? []) expect(formIds).toContain(form.id);
      }
      // The first template's rules all survive under their own ids.
      const ruleIds = new Set((app.definition.rules ?? []).map((r) => r.id));
      for (const rule of getTemplate(templateIds[0] ?? "")?.rules ?? []) expect(ruleIds).toContain(rule.id);
      expect(Array.isArray(app.notes)).toBe(true);
    },
  );

  it("installs a combination with every template's demo data", async () => {
    const res = await rt.call("POST", "/api/apps", rt.ownerToken, {
      templateIds: ["sales-plan", "customer-tiering"],
      withDemoData: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json<{ demoRecords: number; notes: { path: string; message: string }[] }>();
    // The flagship's demo customers lack customer-tiering's required potential score: it is
    // borrowed from the tiering template's demo customers. Deals of the second template keep the first one's pipeline, so
    // their moves to stages it lacks are left out, each with a note saying why.
    expect(app.demoRecords).toBeGreaterThan(50);
    const leftOut = app.notes.filter((n) => n.path === "/demo");
    expect(leftOut.length).toBeGreaterThan(0);
    for (const note of leftOut)
      expect(note.message).toMatch(/^demo record \d+ of customer-tiering \(deal\): cannot move to /);
  });

  it("names every unknown template of a combination", async () => {
    const res = await rt.call("POST", "/api/apps", rt.ownerToken, {
      templateIds: ["sales-plan", "no-such", "nor-this"],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      "/templateIds/1",
      "/templateIds/2",
    ]);
  });
});
