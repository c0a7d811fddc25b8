import { FIELD_TYPES, type Field } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { isTemporal, valueTypeOf } from "./field-ref.js";

const field = (type: string, extra: object = {}) =>
  ({ id: "f", type, label: { zh: "f", en: "f" }, ...extra }) as Field;

describe("valueTypeOf", () => {
  it("reads every field type one way", () => {
    const expected: Record<string, string | null> = {
      text: "text",
      textarea: "text",
      number: "number",
      money: "number",
      percent: "number",
      boolean: "boolean",
      date: "date",
      datetime: "datetime",
      select: "text",
      multiselect: "array",
      user: "text",
      department: "text",
      reference: "text",
      subform: "array",
      file: "array",
      image: "array",
      phone: "text",
      email: "text",
      url: "text",
      address: "object",
      rating: "number",
      serial: "text",
      signature: "text",
      formula: "number",
      section: null,
    };
    expect(Object.keys(expected).sort()).toEqual([...FIELD_TYPES].sort());
    for (const type of FIELD_TYPES) {
      const extra = type === "formula" ? { resultType: "percent", expression: 1 } : {};
      expect(valueTypeOf(field(type, extra)), type).toBe(expected[type]);
    }
  });

  it("several users, departments or records are an array", () => {
    for (const type of ["user", "department", "reference"]) {
      expect(valueTypeOf(field(type, { multiple: true }))).toBe("array");
      expect(valueTypeOf(field(type, { multiple: false }))).toBe("text");
    }
  });

  it("formulas read as their result type", () => {
    const cases = {
      number: "number",
      money: "number",
      percent: "number",
      text: "text",
      date: "date",
      boolean: "boolean",
    };
    for (const [resultType, valueType] of Object.entries(cases)) {
      expect(valueTypeOf(field("formula", { resultType, expression: 1 }))).toBe(valueType);
    }
  });
});

describe("isTemporal", () => {
  it("dates, timestamps and log times", () => {
    expect(isTemporal({ kind: "data", key: "d", valueType: "date" })).toBe(true);
    expect(isTemporal({ kind: "data", key: "d", valueType: "datetime" })).toBe(true);
    expect(isTemporal({ kind: "data", key: "d", valueType: "text" })).toBe(false);
    expect(isTemporal({ kind: "system", column: "updated_at" })).toBe(true);
    expect(isTemporal({ kind: "system", column: "stage_entered_at" })).toBe(true);
    expect(isTemporal({ kind: "system", column: "id" })).toBe(false);
    expect(isTemporal({ kind: "log", column: "entered_at" })).toBe(true);
    expect(isTemporal({ kind: "log", column: "stage" })).toBe(false);
  });
});
