import { describe, expect, test } from "vitest";
import { submit } from "./submit.js";
import { codes, compiled, ctx, dataOf, field, formula, options } from "./test-forms.js";

const lines = field("subform", "lines", {
  minRows: 2,
  maxRows: 3,
  fields: [
    field("select", "product", { options: options("a", "b"), required: true }),
    field("number", "qty", { min: 1, default: 1 }),
    field("money", "price"),
    formula(
      "amount",
      { "*": [{ var: "qty" }, { var: "price" }, { "-": [1, { var: "_parent.discount" }] }] },
      "money",
    ),
    field("text", "remark", { required: true, visibleWhen: { ">": [{ var: "amount" }, 100] } }),
  ],
});
const order = compiled(
  field("percent", "discount"),
  lines,
  formula("total", { sum_of: [{ var: "lines" }, { var: "amount" }] }, "money"),
);

describe("subform rows", () => {
  test("each row normalized with the row fields; row formulas see the row and _parent", () => {
    const result = submit(
      order,
      {
        discount: 0.1,
        lines: [
          { product: "a", qty: "2", price: 10 },
          { product: "b", price: 5, amount: 999 },
        ],
      },
      ctx,
    );
    expect(dataOf(result)).toEqual({
      discount: 0.1,
      lines: [
        { product: "a", qty: 2, price: 10, amount: 18 },
        { product: "b", qty: 1, price: 5, amount: 4.5 },
      ],
      total: 22.5,
    });
    const rows = result.ok ? result.data["lines"] : undefined;
    expect(
      Array.isArray(rows) &&
        rows.every((row: object) => Object.getPrototypeOf(row) === null && !("_parent" in row)),
    ).toBe(true);
  });

  test("issues carry the row path; every row is checked", () => {
    const result = submit(
      order,
      {
        lines: [{ product: "z", qty: 0, extra: 1 }, "row", { qty: 1, price: 200, __proto__: null }],
      },
      ctx,
    );
    expect(codes(result)).toEqual([
      "/lines/0/product option",
      "/lines/0/qty minimum",
      "/lines/0/extra unknown_field",
      "/lines/1 type",
      "/lines/2/product required",
      "/lines/2/remark required",
    ]);
  });

  test("forbidden keys in a row", () => {
    const row = JSON.parse('{"product":"a","__proto__":{"polluted":true},"constructor":1}');
    expect(codes(submit(order, { lines: [row, { product: "b" }] }, ctx))).toEqual([
      "/lines/0/__proto__ forbidden_key",
      "/lines/0/constructor forbidden_key",
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  test("minRows and maxRows; [] is absent; a non-array is a type issue", () => {
    expect(codes(submit(order, { lines: [{ product: "a" }] }, ctx))).toEqual(["/lines min_items"]);
    expect(codes(submit(order, { lines: Array.from({ length: 4 }, () => ({ product: "a" })) }, ctx))).toEqual(
      ["/lines max_items"],
    );
    expect(codes(submit(order, { lines: Array.from({ length: 1_000_000 }, () => 1) }, ctx))).toEqual([
      "/lines max_items",
    ]);
    expect(dataOf(submit(order, { lines: [] }, ctx))).toEqual({ total: 0 });
    expect(codes(submit(order, { lines: { product: "a" } }, ctx))).toEqual(["/lines type"]);
  });

  test("row visibility: hidden row fields are cleared and not required", () => {
    const result = submit(
      order,
      {
        lines: [
          { product: "a", qty: 1, price: 500, remark: "big" },
          { product: "b", price: 1, remark: "dropped" },
        ],
      },
      ctx,
    );
    expect(dataOf(result)).toMatchObject({
      lines: [
        { product: "a", qty: 1, price: 500, amount: 500, remark: "big" },
        { product: "b", qty: 1, price: 1, amount: 1 },
      ],
    });
    // The issue of a hidden row field is dropped with its value.
    expect(codes(submit(order, { lines: [{ product: "a" }, { product: "b", remark: 5 }] }, ctx))).toEqual([]);
    expect(
      codes(submit(order, { lines: [{ product: "a", price: 500, remark: 5 }, { product: "b" }] }, ctx)),
    ).toEqual(["/lines/0/remark type"]);
  });

  test("a hidden subform loses its rows and their issues", () => {
    const gated = compiled(field("boolean", "itemized"), { ...lines, visibleWhen: { var: "itemized" } });
    expect(dataOf(submit(gated, { itemized: false, lines: [{ product: "zz" }] }, ctx))).toEqual({
      itemized: false,
    });
    expect(codes(submit(gated, { itemized: true, lines: [{ product: "zz" }] }, ctx))).toEqual([
      "/lines min_items",
      "/lines/0/product option",
    ]);
  });

  test("row defaults apply to rows from the input, not to stored rows", () => {
    const previous = { lines: [{ product: "a" }, { product: "b", qty: 3, old_field: 1 }] };
    expect(dataOf(submit(order, { discount: 0 }, ctx, { previous }))).toMatchObject({
      lines: [
        { product: "a", amount: null },
        { product: "b", qty: 3, amount: null },
      ],
    });
    expect(
      dataOf(submit(order, { lines: [{ product: "a" }, { product: "b" }] }, ctx, { previous })),
    ).toMatchObject({
      lines: [
        { product: "a", qty: 1 },
        { product: "b", qty: 1 },
      ],
    });
  });

  test("a subform default gives the rows of a new record", () => {
    const seeded = compiled(
      field("subform", "steps", {
        default: [{ name: "call" }],
        fields: [field("text", "name"), field("boolean", "done", { default: false })],
      }),
    );
    expect(dataOf(submit(seeded, {}, ctx))).toEqual({ steps: [{ name: "call", done: false }] });
  });

  test("a required subform needs a row", () => {
    const needed = compiled(field("subform", "rows", { required: true, fields: [field("text", "t")] }));
    expect(codes(submit(needed, { rows: [] }, ctx))).toEqual(["/rows required"]);
    expect(codes(submit(needed, { rows: "x" }, ctx))).toEqual(["/rows type"]);
    expect(dataOf(submit(needed, { rows: [{}] }, ctx))).toEqual({ rows: [{}] });
  });

  test("row formulas reading a parent formula run after it", () => {
    const chained = compiled(
      field("subform", "rows", {
        fields: [field("number", "n"), formula("scaled", { "*": [{ var: "n" }, { var: "_parent.factor" }] })],
      }),
      formula("factor", { "+": [{ var: "base" }, 1] }),
      field("number", "base"),
    );
    expect(dataOf(submit(chained, { base: 1, rows: [{ n: 3 }] }, ctx))).toEqual({
      base: 1,
      factor: 2,
      rows: [{ n: 3, scaled: 6 }],
    });
  });
});
