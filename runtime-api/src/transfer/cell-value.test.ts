import type { Field } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { cellValue } from "./cell-value.js";

const label = { zh: "字段", en: "Field" };
const options = [
  { value: "a", label: { zh: "甲", en: "Alpha" } },
  { value: "b", label: { zh: "乙", en: "Beta" } },
];
const field = (f: Record<string, unknown>): Field => ({ id: "f", label, ...f }) as Field;

describe("cellValue", () => {
  it("treats empty and blank cells as absent", () => {
    expect(cellValue(field({ type: "text" }), null)).toBeUndefined();
    expect(cellValue(field({ type: "number" }), "  ")).toBeUndefined();
  });

  it("reads numbers with thousands separators, currency signs and percents", () => {
    expect(cellValue(field({ type: "money" }), "1,200.50")).toBe(1200.5);
    expect(cellValue(field({ type: "money" }), "¥ 3,000")).toBe(3000);
    expect(cellValue(field({ type: "number" }), 7)).toBe(7);
    expect(cellValue(field({ type: "number" }), "1,2")).toBe("1,2");
    expect(cellValue(field({ type: "percent" }), "15%")).toBe(0.15);
    expect(cellValue(field({ type: "percent" }), "12.5 %")).toBe(0.125);
    expect(cellValue(field({ type: "percent" }), "0.3")).toBe(0.3);
    expect(cellValue(field({ type: "percent" }), "x%")).toBe("x%");
  });

  it("reads booleans in English, Chinese and digits", () => {
    const f = field({ type: "boolean" });
    for (const yes of ["true", "YES", "是", "1"]) expect(cellValue(f, yes)).toBe(true);
    for (const no of ["false", "No", "否", "0"]) expect(cellValue(f, no)).toBe(false);
    expect(cellValue(f, true)).toBe(true);
    expect(cellValue(f, false)).toBe(false);
    expect(cellValue(f, "maybe")).toBe("maybe");
  });

  it("reads dates from text and from XLSX dates (UTC)", () => {
    const f = field({ type: "date" });
    expect(cellValue(f, "2026-03-05")).toBe("2026-03-05");
    expect(cellValue(f, "2026/3/5")).toBe("2026-03-05");
    expect(cellValue(f, new Date(Date.UTC(2026, 11, 31)))).toBe("2026-12-31");
    expect(cellValue(field({ type: "datetime" }), new Date(Date.UTC(2026, 0, 2, 3)))).toBe(
      "2026-01-02T03:00:00.000Z",
    );
  });

  it("matches select and multiselect options by value or label", () => {
    expect(cellValue(field({ type: "select", options }), "乙")).toBe("b");
    expect(cellValue(field({ type: "select", options }), "alpha")).toBe("a");
    expect(cellValue(field({ type: "select", options }), "zeta")).toBe("zeta");
    expect(cellValue(field({ type: "multiselect", options }), "Alpha; 乙，a")).toEqual(["a", "b", "a"]);
  });

  it("reads user and reference ids as text, lists when multiple", () => {
    expect(cellValue(field({ type: "user" }), " u1 ")).toBe("u1");
    expect(cellValue(field({ type: "reference", form: "x", multiple: true }), "r1; r2")).toEqual([
      "r1",
      "r2",
    ]);
    expect(cellValue(field({ type: "text" }), 12)).toBe("12");
  });

  it("reads subform rows and addresses as JSON, an address in plain text as its street", () => {
    const rows = [{ product: "A", qty: 2 }];
    expect(cellValue(field({ type: "subform", fields: [] }), JSON.stringify(rows))).toEqual(rows);
    expect(cellValue(field({ type: "subform", fields: [] }), "[{oops")).toBe("[{oops");
    const address = { province: "浙江省", detail: "文三路" };
    expect(cellValue(field({ type: "address" }), JSON.stringify(address))).toEqual(address);
    expect(cellValue(field({ type: "address" }), "Main street 5")).toEqual({ detail: "Main street 5" });
    expect(cellValue(field({ type: "address" }), "42")).toEqual({ detail: "42" });
  });
});
