import { describe, expect, test } from "vitest";
import { computeFormulas } from "./compute-record.js";
import { submit } from "./submit.js";
import { codes, compiled, ctx, dataOf, field, formula, options } from "./test-forms.js";
import { readOnlyFields, visibleFields } from "./visibility.js";

const kind = field("select", "kind", { options: options("new", "renewal") });

describe("visibleWhen", () => {
  const form = compiled(
    kind,
    field("date", "renew_on", { required: true, visibleWhen: { "==": [{ var: "kind" }, "renewal"] } }),
    field("number", "qty"),
  );

  test("a hidden field is not required and its value is cleared", () => {
    expect(dataOf(submit(form, { kind: "new", renew_on: "2026-01-01", qty: 1 }, ctx))).toEqual({
      kind: "new",
      qty: 1,
    });
    expect(codes(submit(form, { kind: "renewal" }, ctx))).toEqual(["/renew_on required"]);
    expect(dataOf(submit(form, { kind: "renewal", renew_on: "2026-01-01" }, ctx))).toEqual({
      kind: "renewal",
      renew_on: "2026-01-01",
    });
  });

  test("issues of a hidden field are dropped (its value is discarded anyway)", () => {
    expect(dataOf(submit(form, { kind: "new", renew_on: "garbage" }, ctx))).toEqual({ kind: "new" });
    expect(codes(submit(form, { kind: "renewal", renew_on: "garbage" }, ctx))).toEqual(["/renew_on format"]);
  });

  test('truthiness follows JSON Logic: [], "" and 0 are falsy, "0" is truthy', () => {
    const shown = (condition: unknown) =>
      visibleFields(compiled(field("text", "a", { visibleWhen: condition })), {}, ctx).has("a");
    expect(shown([])).toBe(false);
    expect(shown("")).toBe(false);
    expect(shown(0)).toBe(false);
    expect(shown(null)).toBe(false);
    expect(shown("0")).toBe(true);
    expect(shown([0])).toBe(true);
    expect(shown({ var: "missing" })).toBe(false);
  });

  test("a condition that fails at run time hides the field", () => {
    const failing = compiled(
      field("text", "key"),
      field("text", "a", { visibleWhen: { var: { cat: ["__proto", "__"] } } }),
    );
    expect(visibleFields(failing, { key: "x" }, ctx).has("a")).toBe(false);
    expect(dataOf(submit(failing, { a: "x" }, ctx))).toEqual({});
  });
});

describe("sections", () => {
  const form = compiled(
    kind,
    field("section", "renewal", { visibleWhen: { "==": [{ var: "kind" }, "renewal"] } }),
    field("date", "renew_on", { required: true }),
    field("text", "reason", { required: true, visibleWhen: true }),
    field("section", "other"),
    field("text", "note", { required: true }),
  );

  test("a hidden section hides its fields up to the next section", () => {
    expect(codes(submit(form, { kind: "new", renew_on: "x", reason: "r" }, ctx))).toEqual(["/note required"]);
    expect(codes(submit(form, { kind: "renewal" }, ctx))).toEqual([
      "/renew_on required",
      "/reason required",
      "/note required",
    ]);
    expect([...visibleFields(form, { kind: "new" }, ctx)]).toEqual(["kind", "other", "note"]);
    expect([...visibleFields(form, { kind: "renewal" }, ctx)]).toEqual([
      "kind",
      "renewal",
      "renew_on",
      "reason",
      "other",
      "note",
    ]);
  });

  test("a field's own condition still applies inside a visible section", () => {
    const nested = compiled(
      kind,
      field("section", "s"),
      field("text", "a", { visibleWhen: { "==": [{ var: "kind" }, "new"] }, required: true }),
    );
    expect(codes(submit(nested, { kind: "renewal" }, ctx))).toEqual([]);
    expect(codes(submit(nested, { kind: "new" }, ctx))).toEqual(["/a required"]);
  });
});

describe("formulas and hidden values", () => {
  const form = compiled(
    field("boolean", "show"),
    field("number", "bonus", { visibleWhen: { var: "show" } }),
    field("number", "base"),
    formula("total", { "+": [{ var: "base" }, { var: ["bonus", 0] }] }),
    formula("secret", { "*": [{ var: "base" }, 2] }, "number", { visibleWhen: { var: "show" } }),
    formula("uses_secret", { "+": [{ var: ["secret", 0] }, 0] }),
  );

  test("formulas run again after clearing, so they never depend on hidden values", () => {
    expect(dataOf(submit(form, { show: false, bonus: 5, base: 1 }, ctx))).toEqual({
      show: false,
      base: 1,
      total: 1,
      uses_secret: 0,
    });
    expect(dataOf(submit(form, { show: true, bonus: 5, base: 1 }, ctx))).toEqual({
      show: true,
      bonus: 5,
      base: 1,
      total: 6,
      secret: 2,
      uses_secret: 2,
    });
  });

  test("visibility may read a formula", () => {
    const byFormula = compiled(
      field("number", "amount"),
      formula("big", { ">": [{ var: "amount" }, 100] }, "boolean"),
      field("text", "approver", { required: true, visibleWhen: { var: "big" } }),
    );
    expect(codes(submit(byFormula, { amount: 50 }, ctx))).toEqual([]);
    expect(codes(submit(byFormula, { amount: 500 }, ctx))).toEqual(["/approver required"]);
  });
});

describe("readOnlyFields", () => {
  test("fields whose readOnlyWhen holds", () => {
    const form = compiled(
      field("number", "amount", { readOnlyWhen: { "==": [{ var: "_stage" }, "won"] } }),
      field("text", "note", { readOnlyWhen: false }),
      field("text", "free"),
    );
    expect([...readOnlyFields(form, { _stage: "won" }, ctx)]).toEqual(["amount"]);
    expect([...readOnlyFields(form, {}, ctx)]).toEqual([]);
  });
});

describe("computeFormulas (live preview)", () => {
  const form = compiled(
    field("number", "qty"),
    field("money", "price"),
    formula("total", { "*": [{ var: "qty" }, { var: "price" }] }, "money"),
    field("section", "more"),
    field("serial", "no"),
    field("subform", "rows", {
      fields: [field("number", "n"), formula("sq", { "*": [{ var: "n" }, { var: "n" }] })],
    }),
  );

  test("computes formulas and row formulas on a copy of the known fields", () => {
    const data = {
      qty: "2",
      price: 1.234,
      total: 0,
      more: 1,
      extra: 1,
      no: "N-1",
      rows: [{ n: 3, junk: 1 }, "x"],
    };
    const computed = computeFormulas(form, data, ctx);
    expect(JSON.parse(JSON.stringify(computed))).toEqual({
      qty: "2",
      price: 1.234,
      total: 2.47,
      no: "N-1",
      rows: [{ n: 3, sq: 9 }, "x"],
    });
    expect(data.total).toBe(0);
    expect(data.rows[0]).toEqual({ n: 3, junk: 1 });
  });

  test("agrees with submit on valid data", () => {
    const input = { qty: 2, price: 3, rows: [{ n: 2 }] };
    expect(JSON.parse(JSON.stringify(computeFormulas(form, input, ctx)))).toEqual(
      dataOf(submit(form, input, ctx)),
    );
  });
});
