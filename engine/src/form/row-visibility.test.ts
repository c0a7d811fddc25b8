import { describe, expect, test } from "vitest";
import { computeFormulas } from "./compute-record.js";
import { visibleRowFields } from "./row-visibility.js";
import { submit } from "./submit.js";
import { codes, compiled, ctx, field, options } from "./test-forms.js";

const form = compiled(
  field("boolean", "export"),
  field("subform", "lines", {
    fields: [
      field("select", "kind", { options: options("goods", "service") }),
      field("number", "weight", { required: true, visibleWhen: { "==": [{ var: "kind" }, "goods"] } }),
      field("text", "hs_code", { visibleWhen: { "==": [{ var: "_parent.export" }, true] } }),
    ],
  }),
);

describe("visibleRowFields", () => {
  test("answers per row what submit requires, reading the row and its parent", () => {
    const data = { export: false, lines: [{ kind: "goods" }, { kind: "service" }] };
    const rows = visibleRowFields(form, computeFormulas(form, data, ctx), ctx).get("lines");
    expect(rows?.map((set) => [...set].sort())).toEqual([["kind", "weight"], ["kind"]]);
    // The same verdict as a submission: only the first row's weight is required.
    expect(codes(submit(form, data, ctx))).toEqual(["/lines/0/weight required"]);

    const exported = visibleRowFields(form, { ...data, export: true }, ctx).get("lines");
    expect(exported?.map((set) => set.has("hs_code"))).toEqual([true, true]);
  });

  test("leaves the data untouched and skips subforms without rows", () => {
    const data = { export: true, lines: [{ kind: "goods" }] };
    const before = JSON.stringify(data);
    visibleRowFields(form, data, ctx);
    expect(JSON.stringify(data)).toBe(before);
    expect(visibleRowFields(form, { export: true }, ctx).has("lines")).toBe(false);
  });
});
