import { describe, expect, it } from "vitest";
import * as engine from "@stagecraft/engine";
import * as schemas from "@stagecraft/schemas";
import { getTemplate, listTemplates } from "@stagecraft/templates";

describe("public surface across packages", () => {
  it("compiles every shipped template with the engine", () => {
    for (const summary of listTemplates()) {
      const definition = getTemplate(summary.id);
      expect(schemas.validateDefinition(definition).errors).toEqual([]);
      const result = engine.compileApp(definition);
      expect(result.ok).toBe(true);
    }
  });

  it("returns compile problems as data, never as exceptions", () => {
    const result = engine.compileApp({ id: "x", forms: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  });
});
