import type { TSchema } from "@sinclair/typebox";
import { APP_SCHEMA_ID, AppDefinitionSchema } from "./app.js";
import { DashboardSchema } from "./dashboard.js";
import { FieldSchema } from "./field.js";
import { FormSchema } from "./form.js";
import { KpiSchema } from "./kpi.js";
import { PipelineSchema } from "./pipeline.js";
import { RuleSchema } from "./rule.js";

/** Where the generated files say they come from (JSON has no comments, so `$comment`). */
export const GENERATED_COMMENT =
  "Generated from schemas/src by pnpm --filter @stagecraft/schemas generate; do not edit";

const SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A TypeBox schema as plain JSON: the round trip drops TypeBox's symbol keys. */
function plainJson(schema: TSchema): Record<string, unknown> {
  const json: unknown = JSON.parse(JSON.stringify(schema));
  return isRecord(json) ? json : {};
}

function file(schema: TSchema, id: string): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(plainJson(schema)).filter(([key]) => key !== "$id"));
  // The comment comes first so the generated notice is at the top of the file.
  return { $comment: GENERATED_COMMENT, $schema: SCHEMA_DIALECT, $id: id, ...rest };
}

function partId(name: string): string {
  return APP_SCHEMA_ID.replace(/app\.schema\.json$/, `${name}.schema.json`);
}

/** The published JSON Schema files, by file name: the whole app and one per part. */
export function jsonSchemas(): Record<string, object> {
  const parts: Record<string, TSchema> = {
    form: FormSchema,
    field: FieldSchema,
    pipeline: PipelineSchema,
    rule: RuleSchema,
    kpi: KpiSchema,
    dashboard: DashboardSchema,
  };
  const files: Record<string, object> = { "app.schema.json": file(AppDefinitionSchema, APP_SCHEMA_ID) };
  for (const [name, schema] of Object.entries(parts))
    files[`${name}.schema.json`] = file(schema, partId(name));
  return files;
}
