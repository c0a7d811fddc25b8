import { ajv, issuesFromAjv, type ValidationIssue } from "./ajv.js";
import { FIELD_LIMITS, type Field, type FormulaResultType, type RowField } from "./field.js";
import type { Form } from "./form.js";

/** A JSON Schema (draft 2020-12) as a plain object. */
export type JsonSchema = { [keyword: string]: unknown };

/** Options of a derived record schema. */
export interface RecordSchemaOptions {
  /** A partial update: nothing is required, and `null` clears a field that is not required. */
  forPatch?: boolean;
}

/** Validates a record's data; every problem at once, as data. */
export type RecordValidator = (data: unknown) => ValidationIssue[];

/** Digits with optional +, spaces, dashes and parentheses: 13800138000, +86 138 0013 8000, (010) 1234-5678. */
export const PHONE_PATTERN = "^\\+?[0-9(][0-9 ()-]{3,30}[0-9]$";

const ID = { type: "string", minLength: 1, maxLength: 64 };

function idOrIds(multiple: boolean | undefined): JsonSchema {
  return multiple ? { type: "array", items: ID, uniqueItems: true } : ID;
}

function withLimits(schema: JsonSchema, limits: Readonly<Record<string, number | undefined>>): JsonSchema {
  const out: JsonSchema = { ...schema };
  for (const [keyword, value] of Object.entries(limits)) if (value !== undefined) out[keyword] = value;
  return out;
}

function fileList(field: Extract<Field, { type: "file" | "image" }>): JsonSchema {
  const size = withLimits(
    { type: "integer", minimum: 0 },
    { maximum: field.maxSizeMb === undefined ? undefined : Math.floor(field.maxSizeMb * 1024 * 1024) },
  );
  const file = {
    type: "object",
    additionalProperties: false,
    required: ["id", "name"],
    properties: {
      id: ID,
      name: { type: "string", minLength: 1, maxLength: 255 },
      size,
      mime: { type: "string", maxLength: 255 },
      url: { type: "string", format: "uri", maxLength: 2000 },
    },
  };
  return withLimits({ type: "array", items: file }, { maxItems: field.maxFiles });
}

function formulaValue(resultType: FormulaResultType): JsonSchema {
  // A formula yields null while its inputs are missing.
  switch (resultType) {
    case "number":
    case "money":
    case "percent":
      return { type: ["number", "null"] };
    case "text":
      return { type: ["string", "null"] };
    case "date":
      return { type: ["string", "null"], format: "date" };
    case "boolean":
      return { type: ["boolean", "null"] };
  }
}

const ADDRESS_PART = { type: "string", maxLength: 200 };

/** The schema of one field's value; undefined for sections, which hold none. */
function fieldValue(field: Field | RowField): JsonSchema | undefined {
  switch (field.type) {
    case "text": {
      const text = withLimits(
        { type: "string", maxLength: field.maxLength ?? FIELD_LIMITS.textLength },
        { minLength: field.minLength },
      );
      // ajv runs `pattern` with RE2 (see ajv.ts), so an admin's pattern cannot backtrack.
      return field.pattern === undefined ? text : { ...text, pattern: field.pattern };
    }
    case "textarea":
      return withLimits(
        { type: "string", maxLength: field.maxLength ?? FIELD_LIMITS.textLength },
        { minLength: field.minLength },
      );
    case "number":
    case "money":
    case "percent":
      return withLimits({ type: "number" }, { minimum: field.min, maximum: field.max });
    case "boolean":
      return { type: "boolean" };
    case "date":
      return { type: "string", format: "date" };
    case "datetime":
      return { type: "string", format: "date-time" };
    case "select":
      return { type: "string", enum: field.options.map((o) => o.value) };
    case "multiselect":
      return withLimits(
        {
          type: "array",
          items: { type: "string", enum: field.options.map((o) => o.value) },
          uniqueItems: true,
        },
        { minItems: field.minSelected, maxItems: field.maxSelected },
      );
    case "user":
    case "department":
    case "reference":
      return idOrIds(field.multiple);
    case "subform":
      return withLimits(
        {
          type: "array",
          items: rowsSchema(field.fields),
          maxItems: field.maxRows ?? FIELD_LIMITS.subformRows,
        },
        { minItems: field.minRows },
      );
    case "file":
    case "image":
      return fileList(field);
    case "phone":
      return { type: "string", pattern: PHONE_PATTERN };
    case "email":
      return { type: "string", format: "email", maxLength: 254 };
    case "url":
      return { type: "string", format: "uri", pattern: "^https?://", maxLength: 2000 };
    case "address":
      return {
        type: "object",
        additionalProperties: false,
        properties: {
          province: ADDRESS_PART,
          city: ADDRESS_PART,
          district: ADDRESS_PART,
          detail: ADDRESS_PART,
        },
        ...(field.detailRequired ? { required: ["detail"] } : {}),
      };
    case "rating":
      return { type: "integer", minimum: 1, maximum: field.max ?? 5 };
    case "serial":
      return { type: "string", readOnly: true };
    case "signature":
      return { type: "string", minLength: 1 };
    case "formula":
      return { ...formulaValue(field.resultType), readOnly: true };
    case "section":
      return undefined;
  }
}

/** A list read from a schema keyword (a list of unknowns, whatever JSON put there). */
function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value.map((item: unknown) => item) : [value];
}

/** Allow `null` (clear the field) besides the value. */
function nullable(schema: JsonSchema): JsonSchema {
  const types = listOf(schema["type"]);
  const out: JsonSchema = { ...schema, type: types.includes("null") ? types : [...types, "null"] };
  if (schema["enum"] !== undefined) out["enum"] = [...listOf(schema["enum"]), null];
  return out;
}

/** Fields a submission must carry: required, always visible (the engine checks the conditional ones), and input. */
function isRequiredInput(field: Field | RowField): boolean {
  return (
    field.required === true &&
    field.visibleWhen === undefined &&
    field.type !== "formula" &&
    field.type !== "serial"
  );
}

function objectSchema(fields: readonly (Field | RowField)[], forPatch: boolean): JsonSchema {
  const entries: [string, JsonSchema][] = [];
  for (const field of fields) {
    const value = fieldValue(field);
    if (value === undefined) continue;
    const titled = { title: field.label.en, ...value };
    entries.push([field.id, forPatch && !isRequiredInput(field) ? nullable(titled) : titled]);
  }
  const required = forPatch ? [] : fields.filter(isRequiredInput).map((f) => f.id);
  return {
    type: "object",
    additionalProperties: false,
    // fromEntries defines own properties, so no id can reach a prototype here.
    properties: Object.fromEntries(entries),
    ...(required.length > 0 ? { required } : {}),
  };
}

/** The schema of one subform row: rows are replaced whole, so they are never patches. */
function rowsSchema(fields: readonly RowField[]): JsonSchema {
  return objectSchema(fields, false);
}

/**
 * The JSON Schema (2020-12) of a record's `data`, derived from the form (admins never write
 * JSON Schema). Expects a form of a valid definition (see validateDefinition).
 */
export function deriveRecordSchema(form: Form, options: RecordSchemaOptions = {}): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: form.name.en,
    ...objectSchema(form.fields, options.forPatch === true),
  };
}

const validators = new WeakMap<Form, RecordValidator>();
const patchValidators = new WeakMap<Form, RecordValidator>();

/** A compiled validator of a form's record data (cached per form object and mode). */
export function compileRecordValidator(form: Form, options: RecordSchemaOptions = {}): RecordValidator {
  const cache = options.forPatch === true ? patchValidators : validators;
  const cached = cache.get(form);
  if (cached) return cached;
  const schema = deriveRecordSchema(form, options);
  const validate = ajv.compile(schema);
  // The compiled function keeps what it needs; dropping ajv's own cache entry lets a form's
  // validator be collected with the form (ajv would otherwise keep every schema ever compiled).
  ajv.removeSchema(schema);
  const validator: RecordValidator = (data) => (validate(data) ? [] : issuesFromAjv(validate.errors));
  cache.set(form, validator);
  return validator;
}
