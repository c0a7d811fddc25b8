// Test helpers: small builders of form definitions (excluded from build and coverage).
import type { Field, FieldType, Form } from "@stagecraft/schemas";
import type { EngineContext } from "../context.js";
import { compileForm, type CompiledForm } from "./compile-form.js";
import { submit, type SubmitResult } from "./submit.js";

/** A label in both languages. */
export function label(text: string): { zh: string; en: string } {
  return { zh: text, en: text };
}

/** A field of `type` with id `id` and the extra properties given. */
export function field(type: FieldType, id: string, extra: Record<string, unknown> = {}): Field {
  return { id, type, label: label(id), ...extra } as Field;
}

/** Options of a select from their values. */
export function options(...values: string[]): { value: string; label: { zh: string; en: string } }[] {
  return values.map((value) => ({ value, label: label(value) }));
}

/** A formula field. */
export function formula(
  id: string,
  expression: unknown,
  resultType = "number",
  extra: Record<string, unknown> = {},
): Field {
  return field("formula", id, { expression, resultType, ...extra });
}

/** A form definition. */
export function form(fields: Field[], id = "test_form"): Form {
  return { id, name: label(id), fields };
}

/** A compiled form of these fields. */
export function compiled(...fields: Field[]): CompiledForm {
  return compileForm(form(fields));
}

/** The context most tests use. */
export const ctx: EngineContext = { now: "2026-03-15T10:00:00Z", timeZone: "Asia/Shanghai" };

/** A 200-field form with 20 formulas (chains and fan-in), for property tests and timing. */
export function bigForm(): Form {
  const fields: Field[] = [];
  const types: [FieldType, Record<string, unknown>][] = [
    ["text", { maxLength: 200 }],
    ["number", { min: 0 }],
    ["money", {}],
    ["select", { options: options("a", "b", "c") }],
    ["date", {}],
    ["boolean", {}],
    ["email", {}],
    ["percent", {}],
    ["multiselect", { options: options("x", "y", "z") }],
  ];
  for (let i = 0; fields.length < 180; i++) {
    const [type, extra] = types[i % types.length] ?? ["text", {}];
    fields.push(field(type, `f${i}`, { ...extra, required: i % 3 === 0 }));
  }
  for (let i = 0; i < 20; i++) {
    const expression =
      i === 0
        ? { "+": [{ var: "f1" }, { var: "f2" }] }
        : i % 4 === 0
          ? {
              if: [
                { ">": [{ var: `c${i - 1}` }, 100] },
                { "*": [{ var: `c${i - 1}` }, 0.9] },
                { var: "f10" },
              ],
            }
          : { "+": [{ var: `c${i - 1}` }, { "*": [{ var: `f${(i * 9 + 1) % 180}` }, 2] }] };
    fields.push(formula(`c${i}`, expression, i % 2 === 0 ? "money" : "number"));
  }
  return form(fields, "big_form");
}

/** Valid input for bigForm. */
export function bigInput(): Record<string, unknown> {
  const values: unknown[] = [
    "Acme  ",
    12,
    "1234.567",
    "b",
    "2026-03-01",
    true,
    "a@b.example",
    0.15,
    ["x", "z"],
  ];
  const input: Record<string, unknown> = {};
  for (let i = 0; i < 180; i++) input[`f${i}`] = values[i % values.length];
  return input;
}

/** Submit `value` for a one-field form of `def` (create), returning the result. */
export function submitOne(def: Field, value: unknown, context: EngineContext = ctx) {
  return submit(compiled(def), { [def.id]: value }, context);
}

/** The stored value of `value` in a one-field form of `def`; fails the test when it is refused. */
export function stored(def: Field, value: unknown): unknown {
  const result = submitOne(def, value);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.data[def.id];
}

/** Whether the one-field form keeps no value for `value` (empty → absent). */
export function isAbsent(def: Field, value: unknown): boolean {
  const result = submitOne(def, value);
  return result.ok && !Object.hasOwn(result.data, def.id);
}

/** `path code` of each issue `value` gets in a one-field form of `def` (empty when accepted). */
export function issuesOf(def: Field, value: unknown): string[] {
  const result = submitOne(def, value);
  return result.ok ? [] : result.errors.map((e) => `${e.path} ${e.code}`);
}

/** `path code` of each issue of a submission. */
export function codes(result: SubmitResult): string[] {
  return result.ok ? [] : result.errors.map((e) => `${e.path} ${e.code}`);
}

/** The data of an accepted submission (fails the test otherwise), as a plain object. */
export function dataOf(result: SubmitResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return JSON.parse(JSON.stringify(result.data)) as Record<string, unknown>;
}

/** A form with every field type, sections, conditions, row formulas and aggregates. */
export function richForm(): Form {
  return form(
    [
      field("text", "title", { required: true, maxLength: 50, pattern: "^[^<>]*$" }),
      field("textarea", "notes"),
      field("select", "kind", { options: options("new", "renewal"), default: "new" }),
      field("number", "qty", { min: 0, precision: 0 }),
      field("money", "price", { min: 0 }),
      field("percent", "discount", { max: 1 }),
      field("boolean", "vip"),
      field("date", "close_on"),
      field("datetime", "met_at"),
      field("multiselect", "tags", { options: options("a", "b", "c"), maxSelected: 2 }),
      field("user", "owner"),
      field("department", "teams", { multiple: true }),
      field("reference", "customer", { form: "customer" }),
      field("file", "files"),
      field("image", "photos"),
      field("phone", "phone"),
      field("email", "email"),
      field("url", "site"),
      field("address", "address"),
      field("rating", "stars"),
      field("serial", "number", { prefix: "D-", digits: 4 }),
      field("signature", "signature"),
      formula("subtotal", { "*": [{ var: "qty" }, { var: "price" }] }, "money"),
      formula("net", { "*": [{ var: "subtotal" }, { "-": [1, { var: "discount" }] }] }, "money"),
      formula("lines_total", { sum_of: [{ var: "lines" }, { var: "amount" }] }, "money"),
      formula("quota_share", { "/": [{ var: "lines_total" }, { aggregate: "quota" }] }, "percent", {
        precision: 1,
      }),
      field("section", "renewal", { visibleWhen: { "==": [{ var: "kind" }, "renewal"] } }),
      field("date", "renew_on", { required: true }),
      field("text", "renew_reason", { visibleWhen: { "!!": [{ var: "vip" }] }, required: true }),
      field("section", "lines_section"),
      field("subform", "lines", {
        maxRows: 20,
        fields: [
          field("text", "product", { required: true }),
          field("number", "count", { required: true, min: 1, default: 1 }),
          field("money", "unit"),
          formula(
            "amount",
            { "*": [{ var: "count" }, { var: "unit" }, { "-": [1, { var: "_parent.discount" }] }] },
            "money",
          ),
          field("text", "remark", { visibleWhen: { ">": [{ var: "amount" }, 1000] } }),
        ],
      }),
    ],
    "deal",
  );
}
