import { describe, expect, it } from "vitest";
import { validateDefinition } from "@stagecraft/schemas";
import { diffDefinitions } from "./definition-diff.js";
import { dealApp, editedDealApp } from "./test-app-definition.js";

describe("diffDefinitions", () => {
  it("uses valid fixtures", () => {
    expect(validateDefinition(dealApp()).errors).toEqual([]);
    expect(validateDefinition(editedDealApp()).errors).toEqual([]);
  });

  it("finds nothing between a definition and itself", () => {
    expect(diffDefinitions(dealApp(), dealApp())).toEqual([]);
  });

  it("lists, form by form, fields retyped or removed, then added or newly required, then stages, then new forms", () => {
    expect(diffDefinitions(dealApp(), editedDealApp())).toEqual([
      { kind: "field_retyped", formId: "deal", fieldId: "amount", from: "number", to: "money" },
      { kind: "field_removed", formId: "deal", fieldId: "notes" },
      { kind: "required_added", formId: "deal", fieldId: "region" },
      { kind: "field_added", formId: "deal", fieldId: "priority" },
      { kind: "required_added", formId: "deal", fieldId: "priority" },
      { kind: "stage_removed", formId: "deal", stageId: "qualified" },
      { kind: "stage_added", formId: "deal", stageId: "lost" },
      { kind: "form_removed", formId: "legacy" },
      { kind: "form_added", formId: "contact" },
    ]);
  });

  it("reports every stage of a removed pipeline, and ignores layout-only sections", () => {
    const before = dealApp();
    const after = dealApp();
    const deal = after.forms[0]!;
    delete deal.pipeline;
    deal.fields = deal.fields.filter((f) => f.id !== "layout");
    deal.fields.push({ id: "more", type: "section", label: { zh: "x", en: "x" }, required: true });
    expect(diffDefinitions(before, after)).toEqual([
      { kind: "stage_removed", formId: "deal", stageId: "new" },
      { kind: "stage_removed", formId: "deal", stageId: "qualified" },
      { kind: "stage_removed", formId: "deal", stageId: "won" },
    ]);
  });

  it("does not report a field that was already required, and reports one that stops being a section", () => {
    const before = dealApp();
    const after = dealApp();
    const fields = after.forms[0]!.fields;
    fields[4] = { id: "layout", type: "text", label: { zh: "x", en: "x" }, required: true };
    expect(diffDefinitions(before, after)).toEqual([
      { kind: "field_retyped", formId: "deal", fieldId: "layout", from: "section", to: "text" },
      { kind: "required_added", formId: "deal", fieldId: "layout" },
    ]);
  });

  it("reads any stored JSON without throwing", () => {
    expect(diffDefinitions(null, "x")).toEqual([]);
    expect(
      diffDefinitions({ forms: [{ id: "a", fields: [{ id: 1 }], pipeline: { stages: [{}] } }] }, {}),
    ).toEqual([{ kind: "form_removed", formId: "a" }]);
    expect(
      diffDefinitions(
        { forms: [{ id: "a", fields: "x" }] },
        { forms: [{ id: "a", fields: [{ id: "b", type: "text" }] }] },
      ),
    ).toEqual([{ kind: "field_added", formId: "a", fieldId: "b" }]);
  });
});
