import type { ErrorObject } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { createAjv } from "../ajv.js";
import { structuralIssues } from "./structural-issues.js";

function run(schema: object, data: unknown): { code: string; path: string; message: string }[] {
  const validate = createAjv().compile(schema);
  validate(data);
  return structuralIssues(validate.errors, schema).map(({ code, path, message }) => ({
    code,
    path,
    message,
  }));
}

describe("structuralIssues", () => {
  test("no errors", () => {
    expect(structuralIssues(null, {})).toEqual([]);
  });

  test("keywords become snake_case codes", () => {
    const schema = {
      type: "object",
      properties: { list: { type: "array", minItems: 2 } },
      additionalProperties: false,
    };
    expect(run(schema, { list: [1], extra: 1 })).toEqual([
      { code: "additional_properties", path: "/extra", message: 'unknown property "extra"' },
      { code: "min_items", path: "/list", message: "must NOT have fewer than 2 items" },
    ]);
  });

  test("a failed union is one issue describing its members", () => {
    const schema = {
      type: "object",
      properties: {
        value: {
          anyOf: [
            { type: ["string", "null"] },
            {
              type: "object",
              description: "a field reference",
              properties: { this: { type: "string" } },
              required: ["this"],
            },
            { anyOf: [{ type: "integer" }, { type: "array" }] },
            { type: "boolean" },
            { not: {} },
          ],
        },
      },
    };
    expect(run(schema, { value: 1.5 })).toEqual([
      {
        code: "any_of",
        path: "/value",
        message:
          "must be a string, null, or a field reference, or an integer, or a list, or a boolean, or a valid value",
      },
    ]);
  });

  test("nested unions inside items collapse per item", () => {
    const schema = { type: "array", items: { anyOf: [{ const: "a" }, { const: "b" }] } };
    expect(run(schema, ["a", "c", "d"]).map((i) => `${i.code} ${i.path}`)).toEqual(["enum /1", "enum /2"]);
  });

  test("schema paths that cannot be resolved still give an issue", () => {
    const error: ErrorObject = {
      keyword: "anyOf",
      instancePath: "/x",
      schemaPath: "#/nowhere/anyOf",
      params: {},
    };
    const notError: ErrorObject = {
      keyword: "not",
      instancePath: "/y",
      schemaPath: "#/nowhere/0/not",
      params: {},
    };
    const discriminator: ErrorObject = {
      keyword: "discriminator",
      instancePath: "/z",
      schemaPath: "#/properties/z/discriminator",
      params: { error: "tag", tag: "type" },
    };
    const schema = {
      properties: { z: { oneOf: [{ properties: { type: { enum: ["a"] } } }, "bad", { properties: "x" }] } },
    };
    expect(
      structuralIssues([error, notError, discriminator], schema).map(
        (i) => `${i.code} ${i.path}: ${i.message}`,
      ),
    ).toEqual([
      "any_of /x: must be ",
      "not /y: must not be one of the reserved values: ",
      "discriminator /z/type: type must be one of: ",
    ]);
    expect(structuralIssues([error], [[]]).map((i) => i.message)).toEqual(["must be "]);
  });

  test("schema paths are JSON Pointers with URI escapes", () => {
    const schema = { type: "object", properties: { "a/b c": { anyOf: [{ const: 1 }, { const: 2 }] } } };
    expect(run(schema, { "a/b c": 3 })).toEqual([
      { code: "enum", path: "/a~1b c", message: "must be one of: 1, 2" },
    ]);
  });
});
