import type { ErrorObject } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { ajv, createAjv, escapePointer, issuesFromAjv } from "./ajv.js";

describe("the shared ajv instance", () => {
  test("draft 2020-12, all errors at once, formats, strict about unknown keywords", () => {
    const validate = ajv.compile({
      type: "object",
      properties: { when: { type: "string", format: "date" }, mail: { type: "string", format: "email" } },
      required: ["when", "mail"],
    });
    expect(validate({ when: "2025-02-30x", mail: "nope" })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toEqual(["format", "format"]);
    expect(() => createAjv().compile({ type: "string", colour: "red" })).toThrow(/unknown keyword/);
  });

  test("patterns run on RE2: no backreferences, and linear time", () => {
    expect(() => createAjv().compile({ type: "string", pattern: "(a)\\1" })).toThrow();
    const validate = createAjv().compile({ type: "string", pattern: "^(a|aa)+$" });
    expect(validate(`${"a".repeat(100_000)}b`)).toBe(false);
    expect(validate("aaaa")).toBe(true);
  });

  test("union types are allowed (filter values are string|number|boolean|null)", () => {
    const validate = createAjv().compile({ type: ["string", "null"] });
    expect(validate(null)).toBe(true);
    expect(validate(1)).toBe(false);
  });

  test("tagged unions use the discriminator: one error naming the tag", () => {
    const validate = createAjv().compile({
      type: "object",
      discriminator: { propertyName: "type" },
      oneOf: [
        {
          type: "object",
          properties: { type: { const: "a" }, x: { type: "number" } },
          required: ["type", "x"],
        },
        { type: "object", properties: { type: { const: "b" } }, required: ["type"] },
      ],
    });
    expect(validate({ type: "c" })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toEqual(["discriminator"]);
    expect(validate({ type: "a" })).toBe(false);
    expect(issuesFromAjv(validate.errors).map((i) => i.path)).toEqual(["/x"]);
  });
});

describe("issuesFromAjv", () => {
  const error = (over: Partial<ErrorObject>): ErrorObject => ({
    keyword: "type",
    instancePath: "/a",
    schemaPath: "#/type",
    params: {},
    ...over,
  });

  test("no errors, no issues", () => {
    expect(issuesFromAjv(null)).toEqual([]);
    expect(issuesFromAjv(undefined)).toEqual([]);
  });

  test("required and additionalProperties point at the property itself", () => {
    expect(
      issuesFromAjv([
        error({ keyword: "required", params: { missingProperty: "a/b" }, message: "must have a/b" }),
        error({ keyword: "additionalProperties", params: { additionalProperty: "x~y" }, message: "extra" }),
        error({ keyword: "minimum", params: { limit: 1 } }),
      ]),
    ).toEqual([
      { path: "/a/a~1b", code: "required", message: "must have a/b", params: { missingProperty: "a/b" } },
      {
        path: "/a/x~0y",
        code: "additionalProperties",
        message: "extra",
        params: { additionalProperty: "x~y" },
      },
      { path: "/a", code: "minimum", message: "minimum", params: { limit: 1 } },
    ]);
  });

  test("escapePointer escapes ~ before /", () => {
    expect(escapePointer("a~/b")).toBe("a~0~1b");
  });
});
