import { describe, expect, it } from "vitest";
import { diffData, sameJson } from "./data-diff.js";

describe("sameJson", () => {
  it("compares JSON values deeply, ignoring key order", () => {
    expect(sameJson({ a: 1, b: [1, { c: "x", d: null }] }, { b: [1, { d: null, c: "x" }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, c: 2 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson(1, "1")).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    const bare: Record<string, unknown> = { __proto__: null, a: 1 };
    expect(sameJson(bare, { a: 1 })).toBe(true);
  });
});

describe("diffData", () => {
  it("lists changed fields in form order, then other keys alphabetically; absent counts as null", () => {
    const before = { title: "A", amount: 1, gone: true, lines: [{ q: 1 }] };
    const after = { amount: 2, title: "A", lines: [{ q: 1 }], added: "x" };
    expect(diffData(before, after, ["title", "amount", "lines", "added"])).toEqual([
      { field: "amount", old: 1, new: 2 },
      { field: "added", old: null, new: "x" },
      { field: "gone", old: true, new: null },
    ]);
    expect(diffData({ a: null }, {}, ["a"])).toEqual([]);
    expect(diffData({}, {}, [])).toEqual([]);
  });
});
