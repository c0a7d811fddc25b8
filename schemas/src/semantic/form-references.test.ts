import { describe, expect, test } from "vitest";
import { salesAppFixture } from "../test-fixtures.js";
import {
  changed,
  fieldOf,
  fieldPath,
  formOf,
  formPath,
  problems,
  stageOf,
  stagePath,
} from "../test-helpers.js";
import { checkFormReferences } from "./form-references.js";

describe("checkFormReferences", () => {
  test("the fixture's forms reference what exists", () => {
    expect(checkFormReferences(salesAppFixture())).toEqual([]);
  });

  test("a reference field to a missing form, and a display field missing in its form", () => {
    const app = changed((a) => {
      fieldOf(a, "quote", "customer", "reference").form = "client";
      fieldOf(a, "quote", "deal", "reference").displayField = "name";
    });
    expect(problems(app)).toEqual([
      `unknown_field ${fieldPath(app, "quote", "deal")}/displayField`,
      `unknown_form ${fieldPath(app, "quote", "customer")}/form`,
    ]);
    expect(checkFormReferences(app)[0]?.params).toEqual({ form: "deal", field: "name" });
  });

  test("reference fields inside subform rows are checked too", () => {
    const app = changed((a) => {
      fieldOf(a, "quote", "line_items", "subform").fields.push({
        id: "contract",
        type: "reference",
        label: { zh: "合同", en: "Contract" },
        form: "agreement",
      });
    });
    const rows = fieldOf(app, "quote", "line_items", "subform").fields.length;
    expect(problems(app)).toEqual([
      `unknown_form ${fieldPath(app, "quote", "line_items")}/fields/${rows - 1}/form`,
    ]);
  });

  test("the title field must exist and hold a value", () => {
    const app = changed((a) => {
      formOf(a, "deal").titleField = "headline";
      formOf(a, "customer").titleField = "contact_section";
    });
    expect(problems(app)).toEqual([
      `wrong_field_type ${formPath(app, "customer")}/titleField`,
      `unknown_field ${formPath(app, "deal")}/titleField`,
    ]);
  });

  test("initial stage, requires, moves and approval covers", () => {
    const app = changed((a) => {
      formOf(a, "deal").pipeline!.initial = "prospect";
      stageOf(a, "deal", "qualified").requires!.push("budget");
      stageOf(a, "deal", "lead").moves!.push("nurture");
      stageOf(a, "deal", "negotiation").approval!.covers!.push("margin");
    });
    expect(problems(app)).toEqual([
      `unknown_stage ${formPath(app, "deal")}/pipeline/initial`,
      `unknown_stage ${stagePath(app, "deal", "lead")}/moves/2`,
      `unknown_field ${stagePath(app, "deal", "qualified")}/requires/2`,
      `unknown_field ${stagePath(app, "deal", "negotiation")}/approval/covers/2`,
    ]);
  });

  test("requires may name any field that holds a value, subforms and formulas included", () => {
    const app = changed((a) => {
      formOf(a, "quote").pipeline = {
        initial: "draft",
        stages: [{ id: "draft", name: { zh: "草稿", en: "Draft" }, requires: ["line_items", "subtotal"] }],
      };
    });
    expect(problems(app)).toEqual([]);
  });
});
