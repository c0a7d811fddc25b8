import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.js";
import { submit } from "./submit.js";
import { compiled, ctx, dataOf, field, form, formula, richForm } from "./test-forms.js";

describe("formulas", () => {
  test("each formula sees the values computed before it, whatever the field order", () => {
    const f = compiled(
      formula("c", { "+": [{ var: "b" }, 1] }),
      formula("b", { "*": [{ var: "a" }, 10] }),
      field("number", "a"),
    );
    expect(dataOf(submit(f, { a: 2 }, ctx))).toEqual({ a: 2, b: 20, c: 21 });
  });

  test("results are coerced to the result type", () => {
    const f = compiled(
      field("number", "x"),
      formula("m", { "/": [{ var: "x" }, 3] }, "money"),
      formula("p", { "/": [1, { var: "x" }] }, "percent", { precision: 0 }),
      formula("t", { cat: ["#", { var: "x" }] }, "text"),
      formula("d", { if: [{ var: "x" }, "2026-01-31", "nope"] }, "date"),
      formula("b", { var: "x" }, "boolean"),
      formula("n", { "/": [{ var: "x" }, 0] }),
    );
    expect(dataOf(submit(f, { x: 7 }, ctx))).toEqual({
      x: 7,
      m: 2.33,
      p: 0.14,
      t: "#7",
      d: "2026-01-31",
      b: true,
      n: null,
    });
    expect(dataOf(submit(f, {}, ctx))).toEqual({ m: 0, p: null, t: "#", d: null, b: null, n: null });
  });

  test("aggregates come from ctx.aggregates, the date from ctx.now and ctx.timeZone", () => {
    const f = compiled(
      field("money", "amount"),
      formula("share", { "/": [{ var: "amount" }, { aggregate: "month_total" }] }, "percent", {
        precision: 0,
      }),
      formula("today", { today: [] }, "date"),
    );
    const context = {
      now: "2026-03-15T20:00:00Z",
      timeZone: "Asia/Shanghai",
      aggregates: { month_total: 400 },
    };
    expect(dataOf(submit(f, { amount: 100 }, context))).toEqual({
      amount: 100,
      share: 0.25,
      today: "2026-03-16",
    });
    expect(dataOf(submit(f, { amount: 100 }, { now: "2026-03-15T20:00:00Z" }))).toEqual({
      amount: 100,
      share: null,
      today: "2026-03-15",
    });
  });

  test("a formula that fails at run time gives null and the submission goes on", () => {
    const f = compiled(
      field("text", "key"),
      formula("bad", { var: { cat: ["__proto", "__"] } }, "text"),
      formula("after", { "+": [1, 1] }),
    );
    expect(dataOf(submit(f, { key: "k" }, ctx))).toEqual({ key: "k", bad: null, after: 2 });
  });

  test("shuffling the fields gives the same output (property)", () => {
    const def = richForm();
    const input = {
      title: "Deal",
      kind: "renewal",
      qty: 3,
      price: "19.99",
      discount: 0.1,
      vip: true,
      renew_on: "2026-06-01",
      renew_reason: "r",
      lines: [
        { product: "a", count: 2, unit: 700 },
        { product: "b", unit: 1.5 },
      ],
    };
    const context = { ...ctx, aggregates: { quota: 10_000 }, serials: { number: 7 } };
    const expected = dataOf(submit(compileForm(def), input, context));
    expect(expected).toMatchObject({
      subtotal: 59.97,
      net: 53.97,
      lines_total: 1261.35,
      quota_share: 0.126,
      number: "D-0007",
    });
    fc.assert(
      fc.property(fc.shuffledSubarray(def.fields, { minLength: def.fields.length }), (fields) => {
        // Sections group the fields after them, so only the fields before the first section move.
        const firstSection = def.fields.findIndex((f) => f.type === "section");
        const head = fields.filter((f) => def.fields.indexOf(f) < firstSection);
        const shuffled = form([...head, ...def.fields.slice(firstSection)], "deal");
        expect(dataOf(submit(compileForm(shuffled), input, context))).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  test("formula order does not depend on field order (property over fresh chains)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), (length, seed) => {
        const chain = [
          field("number", "x"),
          ...Array.from({ length }, (_, i) =>
            formula(`f${i}`, { "+": [{ var: i === 0 ? "x" : `f${i - 1}` }, 1] }),
          ),
        ];
        const shuffled = [...chain].sort(
          (a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5),
        );
        const result = dataOf(submit(compileForm(form(shuffled)), { x: 0 }, ctx));
        expect(result[`f${length - 1}`]).toBe(length);
      }),
    );
  });
});
