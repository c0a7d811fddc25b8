import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { composeTemplates } from "./compose.js";

const t = (s: string) => ({ zh: s, en: s });

/** Two small templates that share the `deal` form with different pipelines and clashing ids. */
function first(): AppDefinition {
  return {
    id: "first",
    name: t("First"),
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        fields: [
          { id: "title", type: "text", label: t("Title"), required: true },
          { id: "amount", type: "money", label: t("Amount") },
          { id: "kind", type: "select", label: t("Kind"), options: [{ value: "new", label: t("New") }] },
          { id: "size", type: "number", label: t("Size") },
        ],
        pipeline: {
          initial: "open",
          stages: [
            { id: "open", name: t("Open") },
            { id: "won", name: t("Won"), terminal: "won" },
          ],
        },
      },
    ],
    rules: [
      {
        id: "r1",
        trigger: { type: "stage.entered", form: "deal", stage: "won" },
        actions: [{ type: "set_field", field: "amount", value: 1 }],
      },
    ],
    kpis: [{ id: "deals", name: t("Deals"), form: "deal", measure: { type: "count" } }],
    dashboards: [{ id: "main", name: t("Main"), widgets: [{ id: "n", type: "number", kpi: "deals" }] }],
  };
}

function second(): AppDefinition {
  return {
    id: "second",
    name: t("Second"),
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        fields: [
          { id: "title", type: "text", label: t("Title") },
          { id: "amount", type: "money", label: t("Amount"), required: true },
          {
            id: "kind",
            type: "select",
            label: t("Kind"),
            options: [{ value: "renewal", label: t("Renewal") }],
          },
          { id: "size", type: "text", label: t("Size") },
          { id: "sprint", type: "text", label: t("Sprint") },
        ],
        pipeline: {
          initial: "backlog",
          stages: [
            { id: "backlog", name: t("Backlog") },
            { id: "trial", name: t("Trial") },
            { id: "won", name: t("Won"), terminal: "won", requires: ["sprint"] },
          ],
        },
      },
      { id: "sprint_log", name: t("Sprint"), fields: [{ id: "name", type: "text", label: t("Name") }] },
    ],
    rules: [
      {
        id: "r1",
        trigger: { type: "record.created", form: "sprint_log" },
        actions: [{ type: "set_field", field: "name", value: "x" }],
      },
      {
        id: "r2",
        trigger: { type: "stage.entered", form: "deal", stage: "trial" },
        actions: [{ type: "set_field", field: "sprint", value: "s1" }],
      },
    ],
    kpis: [{ id: "deals", name: t("Deals"), form: "deal", measure: { type: "count" } }],
    dashboards: [{ id: "main", name: t("Main"), widgets: [{ id: "n", type: "number", kpi: "deals" }] }],
  };
}

describe("composeTemplates", () => {
  const result = composeTemplates([
    { id: "first", definition: first() },
    { id: "second-one", definition: second() },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const { definition, notes } = result;
  const deal = definition.forms.find((f) => f.id === "deal");

  it("answers a valid definition named after both templates", () => {
    expect(validateDefinition(definition).errors).toEqual([]);
    expect(definition.id).toBe("first-second-one");
    expect(definition.name.en).toBe("First + Second");
  });

  it("unions same-id forms' fields: the stricter required wins, options are unioned", () => {
    expect(deal?.fields.map((f) => f.id)).toEqual(["title", "amount", "kind", "size", "sprint"]);
    expect(deal?.fields.find((f) => f.id === "amount")?.required).toBe(true);
    expect(deal?.fields.find((f) => f.id === "title")?.required).toBe(true);
    const kind = deal?.fields.find((f) => f.id === "kind");
    expect(kind?.type === "select" ? kind.options.map((o) => o.value) : []).toEqual(["new", "renewal"]);
  });

  it("keeps the first field when the types clash, and says so", () => {
    expect(deal?.fields.find((f) => f.id === "size")?.type).toBe("number");
    expect(notes).toContainEqual(
      expect.objectContaining({ path: "/forms/deal/fields/size", code: "field_merged" }),
    );
  });

  it("keeps the first pipeline and adds the other's requirements for the same stage", () => {
    expect(deal?.pipeline?.stages.map((s) => s.id)).toEqual(["open", "won"]);
    expect(deal?.pipeline?.stages.find((s) => s.id === "won")?.requires).toEqual(["sprint"]);
    expect(notes).toContainEqual(
      expect.objectContaining({ path: "/forms/deal/pipeline", code: "pipeline_kept" }),
    );
  });

  it("adds the other forms, renames clashing ids with the template's prefix and follows the renames", () => {
    expect(definition.forms.map((f) => f.id)).toEqual(["deal", "sprint_log"]);
    expect(definition.rules?.map((r) => r.id)).toEqual(["r1", "second_one__r1"]);
    expect(definition.kpis?.map((k) => k.id)).toEqual(["deals", "second_one__deals"]);
    expect(definition.dashboards?.map((d) => d.id)).toEqual(["main", "second_one__main"]);
    const widget = definition.dashboards?.[1]?.widgets[0];
    expect(widget?.type === "number" ? widget.kpi : undefined).toBe("second_one__deals");
  });

  it("leaves out a rule that needs a stage the kept pipeline lacks, with the reason", () => {
    expect(definition.rules?.some((r) => r.id === "r2")).toBe(false);
    const dropped = notes.find((n) => n.code === "dropped");
    expect(dropped?.path).toBe("/rules/r2");
    expect(dropped?.message).toMatch(/^left out: /);
  });

  it("answers an error without templates", () => {
    expect(composeTemplates([]).ok).toBe(false);
  });
});
