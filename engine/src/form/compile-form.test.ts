import type { Field, Form } from "@stagecraft/schemas";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.js";
import { FORM_COMPILE_ERROR_CODES, FormCompileError } from "./form-compile-error.js";
import { field, form, formula, options } from "./test-forms.js";

function compileError(fields: Field[]): FormCompileError {
  try {
    compileForm(form(fields));
  } catch (err) {
    if (err instanceof FormCompileError) return err;
    throw err;
  }
  throw new Error("compiled without error");
}

describe("compileForm", () => {
  test("exposes the form, its fields by id and the formula order", () => {
    const def = form([
      formula("total", { "+": [{ var: "net" }, { var: "tax" }] }),
      field("money", "price"),
      formula("tax", { "*": [{ var: "net" }, 0.13] }),
      formula("net", { "*": [{ var: "price" }, 2] }),
      field("section", "more"),
    ]);
    const compiled = compileForm(def);
    expect(compiled.id).toBe("test_form");
    expect(compiled.form).toBe(def);
    expect([...compiled.fields.keys()]).toEqual(["total", "price", "tax", "net", "more"]);
    expect(compiled.fields.get("price")?.type).toBe("money");
    expect(compiled.formulaOrder).toEqual(["net", "tax", "total"]);
  });

  test("subforms with row formulas take part in the order through _parent and row reads", () => {
    const compiled = compileForm(
      form([
        formula("total", { sum_of: [{ var: "lines" }, { var: "net" }] }),
        field("subform", "lines", {
          fields: [
            field("number", "qty"),
            formula("net", {
              "*": [{ var: "qty" }, { var: "_parent.rate" }, { var: "_parent.lines.length" }],
            }),
            formula("whole", { var: "_parent" }),
          ],
        }),
        formula("rate", { "-": [1, { var: "discount" }] }),
        field("percent", "discount"),
        field("subform", "plain", { fields: [field("text", "name")] }),
      ]),
    );
    expect(compiled.formulaOrder).toEqual(["rate", "lines", "total"]);
  });

  test("compile errors carry a code, the form and a path", () => {
    const duplicate = compileError([field("text", "a"), field("number", "a")]);
    expect(duplicate).toMatchObject({ code: "FORM_DUPLICATE_FIELD", formId: "test_form", path: "/fields/1" });
    expect(duplicate.message).toContain('duplicate field id "a"');
    expect(compileError([field("text", "__proto__")]).code).toBe("FORM_FORBIDDEN_FIELD_ID");
    expect(compileError([field("colour" as never, "a")])).toMatchObject({
      code: "FORM_UNKNOWN_FIELD_TYPE",
      path: "/fields/0",
    });
    expect(
      compileError([{ id: "a", label: { zh: "a", en: "a" }, type: 7 } as unknown as Field]).message,
    ).toContain("of kind number");
    expect(compileError([field("text", "a", { visibleWhen: { nope: [] } })])).toMatchObject({
      code: "FORM_BAD_EXPRESSION",
      path: "/fields/0",
    });
    expect(compileError([field("text", "a", { readOnlyWhen: { var: "__proto__" } })]).code).toBe(
      "FORM_BAD_EXPRESSION",
    );
    expect(compileError([formula("f", { "+": [], x: 1 })]).code).toBe("FORM_BAD_EXPRESSION");
    expect(compileError([formula("f", undefined)]).message).toContain("expression:");
  });

  test("a subform row cannot hold a subform, section or serial", () => {
    for (const inner of [
      field("subform", "s", { fields: [field("text", "t")] }),
      field("section", "s"),
      field("serial", "s"),
    ]) {
      expect(compileError([field("subform", "rows", { fields: [inner] })])).toMatchObject({
        code: "FORM_UNKNOWN_FIELD_TYPE",
        path: "/fields/0/fields/0",
      });
    }
    expect(
      compileError([field("subform", "rows", { fields: [field("text", "t"), field("text", "t")] })]).path,
    ).toBe("/fields/0/fields/1");
  });

  test("a formula cycle is a compile error, never a loop", () => {
    const cycle = compileError([
      field("number", "x"),
      formula("a", { "+": [{ var: "b" }, { var: "x" }] }),
      formula("b", { var: "c.deep" }),
      formula("c", { var: "a" }),
    ]);
    expect(cycle).toMatchObject({ code: "FORM_FORMULA_CYCLE", path: "/fields" });
    expect(cycle.message).toContain("a → b → c → a");
    expect(compileError([formula("me", { "+": [{ var: "me" }, 1] })]).message).toContain("me → me");
    // Through a subform: rows read a formula that sums the rows.
    const throughRows = compileError([
      formula("total", { sum_of: [{ var: "lines" }, { var: "net" }] }),
      field("subform", "lines", { fields: [formula("net", { var: "_parent.total" })] }),
    ]);
    expect(throughRows.message).toContain("total → lines → total");
    // Inside one row.
    expect(
      compileError([
        field("subform", "lines", { fields: [formula("p", { var: "q" }), formula("q", { var: "p" })] }),
      ]).path,
    ).toBe("/fields/0/fields");
  });

  test("every code is in the catalogue", () => {
    expect(Object.keys(FORM_COMPILE_ERROR_CODES).sort()).toEqual([
      "FORM_BAD_EXPRESSION",
      "FORM_BAD_PATTERN",
      "FORM_DUPLICATE_FIELD",
      "FORM_FORBIDDEN_FIELD_ID",
      "FORM_FORMULA_CYCLE",
      "FORM_UNKNOWN_FIELD_TYPE",
    ]);
    expect(new FormCompileError("FORM_FORMULA_CYCLE", "f", "", "x").message).toContain("at the form");
  });

  test("compiles every field type once", () => {
    const all: Form = form([
      field("text", "text"),
      field("textarea", "textarea"),
      field("number", "number"),
      field("money", "money"),
      field("percent", "percent"),
      field("boolean", "boolean"),
      field("date", "date"),
      field("datetime", "datetime"),
      field("select", "select", { options: options("a") }),
      field("multiselect", "multiselect", { options: options("a") }),
      field("user", "user"),
      field("department", "department"),
      field("reference", "reference", { form: "x" }),
      field("subform", "subform", { fields: [field("text", "t")] }),
      field("file", "file"),
      field("image", "image"),
      field("phone", "phone"),
      field("email", "email"),
      field("url", "url"),
      field("address", "address"),
      field("rating", "rating"),
      field("serial", "serial"),
      field("signature", "signature"),
      formula("formula", 1),
      field("section", "section"),
    ]);
    expect(compileForm(all).fields.size).toBe(25);
  });
});
