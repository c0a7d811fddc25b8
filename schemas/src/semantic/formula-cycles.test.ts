import { describe, expect, test } from "vitest";
import type { Field } from "../field.js";
import { salesAppFixture } from "../test-fixtures.js";
import { changed, fieldOf, fieldPath, formOf, problems } from "../test-helpers.js";
import { checkFormulaCycles, formulaCycles, MAX_REPORTED_CYCLES } from "./formula-cycles.js";

const label = { zh: "公式", en: "Formula" };

function formula(id: string, ...reads: string[]): Field {
  return {
    id,
    type: "formula",
    label,
    resultType: "number",
    expression: { "+": reads.map((r) => ({ var: r })) },
  };
}

describe("formulaCycles", () => {
  test("no cycle among a chain", () => {
    expect(formulaCycles([formula("a", "b"), formula("b", "c"), formula("c", "x")])).toEqual([]);
  });

  test("a self reference, a pair, and a triangle, each once, starting at the earliest field", () => {
    const fields = [
      formula("s", "s"),
      formula("b", "a"),
      formula("a", "b"),
      formula("z", "x", "y"),
      formula("x", "y"),
      formula("y", "z"),
    ];
    expect(formulaCycles(fields)).toEqual([["s"], ["b", "a"], ["z", "x", "y"], ["z", "y"]]);
  });

  test("every elementary cycle, also through fields another cycle already visited", () => {
    const fields = [formula("p", "q", "r"), formula("q", "p", "r"), formula("r", "p")];
    expect(formulaCycles(fields)).toEqual([
      ["p", "q"],
      ["p", "q", "r"],
      ["p", "r"],
    ]);
  });

  test("fields outside any cycle are left alone, also when they read fields in one", () => {
    const fields = [
      formula("in_a", "in_b"),
      formula("in_b", "in_a"),
      formula("outside", "in_a"),
      formula("leaf"),
    ];
    expect(formulaCycles(fields)).toEqual([["in_a", "in_b"]]);
  });

  test("a dense tangle reports at most MAX_REPORTED_CYCLES cycles", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    const fields = ids.map((id) => formula(id, ...ids));
    expect(formulaCycles(fields)).toHaveLength(MAX_REPORTED_CYCLES);
  });

  test("cycles through one node reached twice are reported once", () => {
    const fields = [formula("a", "b", "b.x"), formula("b", "a")];
    expect(formulaCycles(fields)).toEqual([["a", "b"]]);
  });
});

describe("checkFormulaCycles", () => {
  test("the fixture has no formula cycle", () => {
    expect(checkFormulaCycles(salesAppFixture())).toEqual([]);
  });

  test("a cycle among a form's formulas names the chain", () => {
    const app = changed((a) => {
      fieldOf(a, "quote", "subtotal", "formula").expression = { "-": [{ var: "total" }, { var: "tax" }] };
    });
    expect(problems(app)).toEqual(
      Array(3).fill(`formula_cycle ${fieldPath(app, "quote", "subtotal")}/expression`),
    );
    expect(checkFormulaCycles(app).map((i) => i.message)).toEqual([
      "formula cycle: subtotal → total → subtotal",
      "formula cycle: subtotal → total → tax → subtotal",
      "formula cycle: subtotal → tax → subtotal",
    ]);
  });

  test("a cycle among the formulas of one subform row", () => {
    const app = changed((a) => {
      const rows = fieldOf(a, "quote", "line_items", "subform").fields;
      const total = rows.find((f) => f.id === "line_total");
      if (total?.type === "formula") total.expression = { "-": [{ var: "line_tax" }, 1] };
    });
    expect(problems(app)).toEqual([
      `formula_cycle ${fieldPath(app, "quote", "line_items")}/fields/4/expression`,
    ]);
    expect(checkFormulaCycles(app)[0]?.params).toEqual({ cycle: ["line_total", "line_tax", "line_total"] });
  });

  test("a formula reading itself", () => {
    const app = changed((a) => {
      formOf(a, "deal").fields.push(formula("score", "score", "amount"));
    });
    const fields = formOf(app, "deal").fields.length;
    expect(problems(app)).toEqual([`formula_cycle /forms/1/fields/${fields - 1}/expression`]);
  });
});
