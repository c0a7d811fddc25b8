import { describe, expect, test } from "vitest";
import { salesAppFixture } from "../test-fixtures.js";
import { changed, fieldOf, fieldPath, problems } from "../test-helpers.js";
import { checkFieldOptions } from "./field-options.js";

describe("checkFieldOptions", () => {
  test("the fixture's field options agree", () => {
    expect(checkFieldOptions(salesAppFixture())).toEqual([]);
  });

  test("a select default must be one of its option values; a multiselect default a list of them", () => {
    const app = changed((a) => {
      fieldOf(a, "customer", "tier", "select").default = "d";
      fieldOf(a, "customer", "industry", "select").default = 1;
      fieldOf(a, "customer", "tags", "multiselect").default = ["strategic", "vip"];
      fieldOf(a, "deal", "products", "multiselect").default = "crm";
    });
    expect(problems(app)).toEqual([
      `invalid_default ${fieldPath(app, "customer", "tier")}/default`,
      `invalid_default ${fieldPath(app, "customer", "industry")}/default`,
      `invalid_default ${fieldPath(app, "customer", "tags")}/default`,
      `invalid_default ${fieldPath(app, "deal", "products")}/default`,
    ]);
  });

  test("min ≤ max for numbers and dates, lengths, selections and rows", () => {
    const app = changed((a) => {
      Object.assign(fieldOf(a, "customer", "health", "percent"), { min: 0.9, max: 0.1 });
      Object.assign(fieldOf(a, "customer", "first_contact", "date"), {
        min: "2030-01-01",
        max: "2020-01-01",
      });
      Object.assign(fieldOf(a, "customer", "name", "text"), { minLength: 200 });
      Object.assign(fieldOf(a, "customer", "notes", "textarea"), { minLength: 6000 });
      Object.assign(fieldOf(a, "customer", "tags", "multiselect"), { minSelected: 4 });
      Object.assign(fieldOf(a, "quote", "line_items", "subform"), { minRows: 300 });
      const qty = fieldOf(a, "quote", "line_items", "subform").fields[1];
      Object.assign(qty ?? {}, { min: 10, max: 5 });
    });
    expect(problems(app)).toEqual([
      `invalid_range ${fieldPath(app, "customer", "name")}/minLength`,
      `invalid_range ${fieldPath(app, "customer", "tags")}/minSelected`,
      `invalid_range ${fieldPath(app, "customer", "health")}/min`,
      `invalid_range ${fieldPath(app, "customer", "first_contact")}/min`,
      `invalid_range ${fieldPath(app, "customer", "notes")}/minLength`,
      `invalid_range ${fieldPath(app, "quote", "line_items")}/minRows`,
      `invalid_range ${fieldPath(app, "quote", "line_items")}/fields/1/min`,
    ]);
    expect(checkFieldOptions(app)[0]?.message).toBe("minLength (200) is above maxLength (100)");
  });

  test("a text pattern must be valid RE2 (backreferences and lookarounds are not)", () => {
    const app = changed((a) => {
      fieldOf(a, "customer", "short_code", "text").pattern = "^(a)\\1$";
      fieldOf(a, "customer", "name", "text").pattern = "^(?=x)";
    });
    const found = checkFieldOptions(app);
    expect(found.map((i) => `${i.code} ${i.path}`)).toEqual([
      `invalid_pattern ${fieldPath(app, "customer", "name")}/pattern`,
      `invalid_pattern ${fieldPath(app, "customer", "short_code")}/pattern`,
    ]);
    expect(found[0]?.message).toMatch(/^not a valid RE2 pattern: /);
  });
});
