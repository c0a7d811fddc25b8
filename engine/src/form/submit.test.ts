import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.js";
import { submit } from "./submit.js";
import { codes, compiled, ctx, dataOf, field, form, formula, options } from "./test-forms.js";

describe("the input object", () => {
  const simple = compiled(field("text", "name"), field("number", "qty"));

  test("must be a plain object", () => {
    for (const input of [
      null,
      undefined,
      1,
      "x",
      [],
      [{}],
      new Date(0),
      new Map(),
      Object.create({ name: "x" }),
    ]) {
      expect(submit(simple, input, ctx)).toEqual({
        ok: false,
        errors: [{ path: "", code: "type", message: "must be an object of field values" }],
      });
    }
    expect(submit(simple, Object.create(null), ctx)).toEqual({ ok: true, data: {} });
  });

  test("every unknown key is reported; forbidden keys have their own code", () => {
    const input = JSON.parse(
      '{"name":"a","__proto__":{"x":1},"constructor":1,"prototype":2,"nme":"b","a/b~":3}',
    );
    expect(codes(submit(simple, input, ctx))).toEqual([
      "/__proto__ forbidden_key",
      "/constructor forbidden_key",
      "/prototype forbidden_key",
      "/nme unknown_field",
      "/a~1b~0 unknown_field",
    ]);
  });

  test("values for formula and serial fields are ignored; a section holds no value", () => {
    const form = compiled(
      field("number", "qty"),
      formula("twice", { "*": [{ var: "qty" }, 2] }),
      field("serial", "no"),
      field("section", "head"),
    );
    expect(dataOf(submit(form, { qty: 2, twice: 99, no: "X-1" }, ctx))).toEqual({ qty: 2, twice: 4 });
    expect(codes(submit(form, { head: "x" }, ctx))).toEqual(["/head unknown_field"]);
  });

  test("output holds only known fields, normalized, in a prototype-free object", () => {
    const result = submit(simple, { name: "  a ", qty: "3" }, ctx);
    expect(result.ok && Object.getPrototypeOf(result.data)).toBeNull();
    expect(dataOf(result)).toEqual({ name: "a", qty: 3 });
  });
});

describe("create: defaults", () => {
  const withDefaults = compiled(
    field("select", "status", { options: options("open", "won"), default: "open" }),
    field("text", "note", { default: "  hi  " }),
    field("number", "bad", { default: "x" }),
    field("number", "none", { default: null }),
  );

  test("apply to fields absent from the input, normalized like input", () => {
    expect(codes(submit(withDefaults, {}, ctx))).toEqual(["/bad type"]);
    expect(dataOf(submit(withDefaults, { bad: 1 }, ctx))).toEqual({ status: "open", note: "hi", bad: 1 });
  });

  test("not to fields the input sets, even to null", () => {
    expect(dataOf(submit(withDefaults, { status: null, note: "", bad: 2 }, ctx))).toEqual({ bad: 2 });
    expect(dataOf(submit(withDefaults, { status: "won", bad: 2 }, ctx))).toEqual({
      status: "won",
      note: "hi",
      bad: 2,
    });
  });
});

describe("PATCH: merge over previous data", () => {
  const deal = compiled(
    field("text", "name", { required: true }),
    field("money", "amount"),
    field("select", "stage", { options: options("a", "b"), default: "a" }),
    formula("double", { "*": [{ var: "amount" }, 2] }),
  );
  const previous = { name: "Acme", amount: 10, stage: "b", double: 20, removed_field: "x" };

  test("keys in the input replace, absent keys keep, null clears", () => {
    expect(dataOf(submit(deal, { amount: 15 }, ctx, { previous }))).toEqual({
      name: "Acme",
      amount: 15,
      stage: "b",
      double: 30,
    });
    expect(dataOf(submit(deal, { amount: null }, ctx, { previous }))).toEqual({
      name: "Acme",
      stage: "b",
      double: null,
    });
  });

  test("no defaults on update; required still applies; unknown stored keys are dropped silently", () => {
    expect(dataOf(submit(deal, {}, ctx, { previous: { name: "Acme" } }))).toEqual({
      name: "Acme",
      double: null,
    });
    expect(codes(submit(deal, { name: null }, ctx, { previous }))).toEqual(["/name required"]);
    expect(codes(submit(deal, { nope: 1 }, ctx, { previous }))).toEqual(["/nope unknown_field"]);
  });

  test("stored values are validated under the current definition", () => {
    expect(codes(submit(deal, {}, ctx, { previous: { name: "Acme", stage: "gone" } }))).toEqual([
      "/stage option",
    ]);
  });
});

describe("every issue at once", () => {
  test("type, limits, format, options, unknown keys and required in one answer", () => {
    const big = compiled(
      field("text", "name", { required: true }),
      field("number", "qty", { min: 1 }),
      field("email", "email"),
      field("select", "tier", { options: options("a") }),
      field("date", "day", { required: true }),
      field("multiselect", "tags", { options: options("x"), minSelected: 1 }),
    );
    const result = submit(
      big,
      { qty: 0, email: "nope", tier: "z", tags: ["y"], extra: 1, day: "2026-02-30" },
      ctx,
    );
    expect(codes(result)).toEqual([
      "/qty minimum",
      "/email format",
      "/tier option",
      "/day format",
      "/tags/0 option",
      "/extra unknown_field",
      "/name required",
    ]);
    expect(
      result.ok ? [] : result.errors.every((e) => typeof e.message === "string" && e.message !== ""),
    ).toBe(true);
  });
});

describe("required", () => {
  const form = compiled(
    field("text", "name", { required: true }),
    field("multiselect", "tags", { options: options("x"), required: true }),
    field("number", "qty", { required: true }),
    formula("calc", 1, "number", { required: true }),
  );

  test("null, empty text and [] are empty", () => {
    expect(codes(submit(form, { name: " ", tags: [], qty: null }, ctx))).toEqual([
      "/name required",
      "/tags required",
      "/qty required",
    ]);
  });

  test("an invalid value reports its own issue, not also required", () => {
    expect(codes(submit(form, { name: 5, tags: ["x"], qty: "many" }, ctx))).toEqual([
      "/name type",
      "/qty type",
    ]);
  });
});

describe("serial fields", () => {
  const numbered = compiled(
    field("serial", "no", { prefix: "Q-", digits: 5 }),
    field("serial", "plain"),
    field("text", "t"),
  );

  test("on create, from ctx.serials, prefixed and zero-padded", () => {
    expect(dataOf(submit(numbered, {}, { ...ctx, serials: { no: 42, plain: 1234567 } }))).toEqual({
      no: "Q-00042",
      plain: "1234567",
    });
  });

  test("omitted when the runtime allocated none (or not a whole number)", () => {
    expect(dataOf(submit(numbered, {}, ctx))).toEqual({});
    expect(dataOf(submit(numbered, {}, { ...ctx, serials: { no: 1.5, plain: -1 } }))).toEqual({});
  });

  test("on update, the stored number is kept and ctx.serials ignored", () => {
    expect(
      dataOf(
        submit(
          numbered,
          { t: "x" },
          { ...ctx, serials: { no: 9 } },
          { previous: { no: "Q-00001", plain: 7 } },
        ),
      ),
    ).toEqual({
      no: "Q-00001",
      t: "x",
    });
  });

  test("stay set even when hidden", () => {
    const hidden = compileForm(form([field("serial", "no", { visibleWhen: false })]));
    expect(dataOf(submit(hidden, {}, { ...ctx, serials: { no: 3 } }))).toEqual({ no: "3" });
  });
});
