import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { describe, expect, test } from "vitest";
import { ajv } from "./ajv.js";
import { APP_SCHEMA_ID } from "./app.js";
import { GENERATED_COMMENT, jsonSchemas } from "./generate-json.js";
import { salesAppFixture } from "./test-fixtures.js";

const jsonDir = fileURLToPath(new URL("../json/", import.meta.url));
const REGENERATE = "schemas/json is stale: run pnpm --filter @stagecraft/schemas generate";

/** The text scripts/generate.mjs writes for a schema (Prettier-formatted, so format checks agree). */
async function expectedText(name: string, schema: object): Promise<string> {
  const path = `${jsonDir}${name}`;
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(JSON.stringify(schema, null, 2), { ...options, filepath: path });
}

describe("jsonSchemas", () => {
  test("the app and one file per part, each saying it is generated", () => {
    const files = jsonSchemas();
    expect(Object.keys(files)).toEqual([
      "app.schema.json",
      "form.schema.json",
      "field.schema.json",
      "pipeline.schema.json",
      "rule.schema.json",
      "kpi.schema.json",
      "dashboard.schema.json",
    ]);
    for (const [name, schema] of Object.entries(files)) {
      expect(Object.keys(schema).slice(0, 3)).toEqual(["$comment", "$schema", "$id"]);
      expect(schema).toMatchObject({
        $comment: GENERATED_COMMENT,
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: `https://stagecraft.dev/schemas/${name}`,
      });
    }
    expect(files["app.schema.json"]).toMatchObject({ $id: APP_SCHEMA_ID });
  });

  test("the generated app schema validates the fixture on its own (plain JSON, no TypeBox)", () => {
    const app = jsonSchemas()["app.schema.json"]!;
    const validate = ajv.compile({ ...app, $id: "https://stagecraft.dev/test/app.schema.json" });
    expect(validate(salesAppFixture())).toBe(true);
    expect(validate({ ...salesAppFixture(), forms: [] })).toBe(false);
  });

  test("the files in schemas/json are up to date", async () => {
    const files = jsonSchemas();
    const onDisk = readdirSync(jsonDir).filter((name) => name.endsWith(".schema.json"));
    expect(onDisk.sort(), REGENERATE).toEqual(Object.keys(files).sort());
    for (const [name, schema] of Object.entries(files)) {
      const text = readFileSync(`${jsonDir}${name}`, "utf8");
      expect(text === (await expectedText(name, schema)), `${name}: ${REGENERATE}`).toBe(true);
      expect(text.endsWith("}\n")).toBe(true);
    }
  });
});
