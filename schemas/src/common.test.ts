import { Type } from "@sinclair/typebox";
import { describe, expect, test } from "vitest";
import { createAjv } from "./ajv.js";
import {
  AppIdSchema,
  FORBIDDEN_KEYS,
  I18nTextSchema,
  IdSchema,
  IsoDateSchema,
  Strict,
  TaggedUnion,
} from "./common.js";

const ajv = createAjv();

describe("common schemas", () => {
  test("ids are snake_case and never a prototype key", () => {
    const validate = ajv.compile(IdSchema);
    expect(["deal", "deal_2", "a".repeat(63)].map((id) => validate(id))).toEqual([true, true, true]);
    expect(["Deal", "2deal", "_id", "deal-x", "", "a".repeat(64)].map((id) => validate(id))).toEqual(
      Array(6).fill(false),
    );
    expect(FORBIDDEN_KEYS.map((key) => validate(key))).toEqual([false, false, false]);
  });

  test("app ids are kebab-case", () => {
    const validate = ajv.compile(AppIdSchema);
    expect(validate("key-account-management")).toBe(true);
    expect(validate("key--account")).toBe(false);
    expect(validate("Key")).toBe(false);
  });

  test("texts need both languages; dates are YYYY-MM-DD", () => {
    expect(ajv.validate(I18nTextSchema, { zh: "客户", en: "Customer" })).toBe(true);
    expect(ajv.validate(I18nTextSchema, { zh: "客户" })).toBe(false);
    expect(ajv.validate(IsoDateSchema, "2025-01-31")).toBe(true);
    expect(ajv.validate(IsoDateSchema, "31/01/2025")).toBe(false);
  });

  test("Strict objects reject unknown keys and keep a description", () => {
    const schema = Strict({ a: Type.Number() }, { description: "an a" });
    expect(schema.description).toBe("an a");
    expect(ajv.validate(Strict({ a: Type.Number() }), { a: 1, b: 2 })).toBe(false);
  });

  test("TaggedUnion validates the branch named by `type` and rejects a missing or unknown one", () => {
    const validate = ajv.compile(
      TaggedUnion([
        Strict({ type: Type.Literal("a"), x: Type.Number() }),
        Strict({ type: Type.Literal("b") }),
      ]),
    );
    expect(validate({ type: "a", x: 1 })).toBe(true);
    expect(validate({ type: "b" })).toBe(true);
    expect(validate({ type: "b", x: 1 })).toBe(false);
    expect(validate({ x: 1 })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toEqual(["discriminator"]);
  });
});
