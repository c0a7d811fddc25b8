import { describe, expect, test } from "vitest";
import type { Form } from "./form.js";
import { compileRecordValidator, deriveRecordSchema, PHONE_PATTERN } from "./record-schema.js";
import { salesAppFixture } from "./test-fixtures.js";
import { formOf } from "./test-helpers.js";

const label = { zh: "字段", en: "Field" };

function form(id: string): Form {
  return formOf(salesAppFixture(), id);
}

function paths(issues: readonly { path: string; code: string }[]): string[] {
  return issues.map((i) => `${i.code} ${i.path}`);
}

const validCustomer = {
  name: "Acme",
  short_code: "ACME",
  tier: "a",
  industry: "retail",
  region: "east",
  tags: ["strategic", "partner"],
  phone: "+86 138 0013 8000",
  email: "sales@acme.example",
  website: "https://acme.example",
  address: { province: "上海", city: "上海", district: "浦东", detail: "世纪大道 1 号" },
  account_manager: "u_alice",
  team: "dept_east",
  annual_revenue: 1_000_000.5,
  deal_count: 3,
  won_amount: 250_000,
  health: 0.8,
  satisfaction: 4,
  vip: true,
  first_contact: "2024-03-01",
  last_contact: "2025-01-02T09:30:00+08:00",
  logo: [{ id: "f1", name: "logo.png", size: 1024, mime: "image/png", url: "https://cdn.example/f1" }],
  notes: "Key account",
  value_score: 800_000,
  open_pipeline: null,
  is_key_account: true,
};

describe("deriveRecordSchema", () => {
  test("one property per value-holding field, sections left out, no unknown keys", () => {
    const schema = deriveRecordSchema(form("customer"));
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["type"]).toBe("object");
    expect(schema["additionalProperties"]).toBe(false);
    const properties = schema["properties"] as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).not.toContain("contact_section");
    expect(Object.keys(properties)).toHaveLength(form("customer").fields.length - 1);
    expect(properties["tier"]).toEqual({ title: "Tier", type: "string", enum: ["a", "b", "c"] });
    expect(properties["name"]).toEqual({ title: "Name", type: "string", minLength: 2, maxLength: 100 });
    expect(properties["short_code"]).toMatchObject({ pattern: "^[A-Z]{2,6}$", maxLength: 100_000 });
    expect(properties["health"]).toEqual({ title: "Health", type: "number", minimum: 0, maximum: 1 });
    expect(properties["satisfaction"]).toEqual({
      title: "Satisfaction",
      type: "integer",
      minimum: 1,
      maximum: 5,
    });
    expect(properties["value_score"]).toEqual({
      title: "Value score",
      type: ["number", "null"],
      readOnly: true,
    });
    expect(properties["phone"]).toMatchObject({ pattern: PHONE_PATTERN });
    expect(properties["website"]).toMatchObject({ format: "uri", pattern: "^https?://" });
    expect(properties["logo"]).toMatchObject({ type: "array", maxItems: 1 });
  });

  test("required: required fields without visibleWhen, never computed ones", () => {
    expect(deriveRecordSchema(form("customer"))["required"]).toEqual(["name", "region", "phone"]);
    // loss_reason is required only when visible (lost): the engine checks it.
    expect(deriveRecordSchema(form("deal"))["required"]).toEqual(["title", "customer", "amount"]);
    const computed: Form = {
      id: "computed",
      name: label,
      fields: [
        { id: "n", type: "serial", label, required: true },
        { id: "f", type: "formula", label, required: true, resultType: "text", expression: "x" },
      ],
    };
    expect(deriveRecordSchema(computed)).not.toHaveProperty("required");
  });

  test("subform rows are objects of their own fields; serial and formula results are read-only", () => {
    const schema = deriveRecordSchema(form("quote"));
    const properties = schema["properties"] as Record<string, Record<string, unknown>>;
    const items = properties["line_items"]?.["items"] as Record<string, unknown>;
    expect(properties["line_items"]).toMatchObject({ type: "array", minItems: 1, maxItems: 200 });
    expect(items["required"]).toEqual(["product", "qty", "unit_price"]);
    expect(items["additionalProperties"]).toBe(false);
    expect(properties["follow_up"]).toEqual({
      title: "Follow-up",
      type: ["string", "null"],
      format: "date",
      readOnly: true,
    });
    expect(properties["summary"]).toMatchObject({ type: ["string", "null"] });
    expect(properties["expired"]).toMatchObject({ type: ["boolean", "null"] });
    const contract = deriveRecordSchema(form("contract"))["properties"] as Record<
      string,
      Record<string, unknown>
    >;
    expect(contract["contract_no"]).toEqual({ title: "Number", type: "string", readOnly: true });
  });

  test("forPatch: nothing required, null clears a field that is not required", () => {
    const schema = deriveRecordSchema(form("customer"), { forPatch: true });
    expect(schema).not.toHaveProperty("required");
    const properties = schema["properties"] as Record<string, Record<string, unknown>>;
    expect(properties["tier"]).toEqual({
      title: "Tier",
      type: ["string", "null"],
      enum: ["a", "b", "c", null],
    });
    expect(properties["name"]?.["type"]).toBe("string");
    expect(properties["value_score"]?.["type"]).toEqual(["number", "null"]);
  });
});

describe("compileRecordValidator", () => {
  test("a valid customer", () => {
    expect(compileRecordValidator(form("customer"))(validCustomer)).toEqual([]);
  });

  test("every bad value at once, with JSON Pointers", () => {
    const validate = compileRecordValidator(form("customer"));
    const issues = validate({
      ...validCustomer,
      name: "A",
      tier: "d",
      tags: ["strategic", "strategic"],
      phone: "call me",
      email: "not-an-email",
      website: "ftp://acme.example",
      address: { city: "上海" },
      health: 2,
      satisfaction: 6,
      vip: "yes",
      first_contact: "2024-13-01",
      last_contact: "yesterday",
      logo: [{ id: "f1" }, { id: "f2", name: "b.png" }],
      unknown: 1,
    });
    expect(paths(issues)).toEqual([
      "additionalProperties /unknown",
      "minLength /name",
      "enum /tier",
      "uniqueItems /tags",
      "pattern /phone",
      "format /email",
      "pattern /website",
      "required /address/detail",
      "maximum /health",
      "maximum /satisfaction",
      "type /vip",
      "format /first_contact",
      "format /last_contact",
      "maxItems /logo",
      "required /logo/0/name",
    ]);
  });

  test("missing required fields", () => {
    expect(paths(compileRecordValidator(form("customer"))({}))).toEqual([
      "required /name",
      "required /region",
      "required /phone",
    ]);
  });

  test("references, users (single and multiple), files with sizes", () => {
    const validate = compileRecordValidator(form("deal"));
    const deal = {
      title: "Big",
      customer: "rec_1",
      amount: 10,
      co_sellers: ["u_a", "u_b"],
      sales_rep: "u_a",
    };
    expect(validate(deal)).toEqual([]);
    expect(paths(validate({ ...deal, customer: ["rec_1"], co_sellers: "u_a", amount: "10" }))).toEqual([
      "type /customer",
      "type /amount",
      "type /co_sellers",
    ]);
    const tooBig = { ...deal, contract_file: [{ id: "f", name: "c.pdf", size: 21 * 1024 * 1024 }] };
    expect(paths(validate(tooBig))).toEqual(["maximum /contract_file/0/size"]);
  });

  test("subform rows", () => {
    const validate = compileRecordValidator(form("quote"));
    const quote = {
      deal: "rec_1",
      issue_date: "2025-01-01",
      line_items: [{ product: "CRM", qty: 2, unit_price: 100 }],
    };
    expect(validate(quote)).toEqual([]);
    expect(paths(validate({ ...quote, line_items: [] }))).toEqual(["minItems /line_items"]);
    expect(paths(validate({ ...quote, line_items: [{ product: "CRM", qty: 0, extra: 1 }] }))).toEqual([
      "required /line_items/0/unit_price",
      "additionalProperties /line_items/0/extra",
      "minimum /line_items/0/qty",
    ]);
  });

  test("patches: partial data, null clears optional fields but not required ones", () => {
    const validate = compileRecordValidator(form("customer"), { forPatch: true });
    expect(validate({ tier: null, tags: null, address: null })).toEqual([]);
    expect(paths(validate({ name: null }))).toEqual(["type /name"]);
  });

  test("validators are cached per form object and mode", () => {
    const customer = form("customer");
    expect(compileRecordValidator(customer)).toBe(compileRecordValidator(customer));
    expect(compileRecordValidator(customer, { forPatch: true })).toBe(
      compileRecordValidator(customer, { forPatch: true }),
    );
    expect(compileRecordValidator(customer)).not.toBe(compileRecordValidator(customer, { forPatch: true }));
    expect(compileRecordValidator(customer)).not.toBe(compileRecordValidator(form("customer")));
  });

  test("an admin's catastrophic pattern cannot hang validation (RE2, linear time)", () => {
    const evil: Form = {
      id: "evil",
      name: label,
      fields: [{ id: "code", type: "text", label, pattern: "(a+)+$" }],
    };
    const input = `${"a".repeat(50_000)}!`;
    const started = performance.now();
    const issues = compileRecordValidator(evil)({ code: input });
    // A backtracking engine needs longer than the universe exists for this; RE2 finishes at once.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(paths(issues)).toEqual(["pattern /code"]);
    expect(compileRecordValidator(evil)({ code: "a".repeat(50_000) })).toEqual([]);
  });

  test("a form of an unvalidated definition with an invalid pattern fails loudly", () => {
    const broken: Form = {
      id: "broken",
      name: label,
      fields: [{ id: "code", type: "text", label, pattern: "(" }],
    };
    expect(() => compileRecordValidator(broken)).toThrow();
  });

  test("phone numbers", () => {
    const phone: Form = { id: "p", name: label, fields: [{ id: "phone", type: "phone", label }] };
    const validate = compileRecordValidator(phone);
    for (const ok of ["13800138000", "+86 138 0013 8000", "(010) 1234-5678", "010-12345678"]) {
      expect(validate({ phone: ok })).toEqual([]);
    }
    for (const bad of ["", "12", "phone", "+86 138 0013 800x", "138\n0013"]) {
      expect(validate({ phone: bad })).not.toEqual([]);
    }
  });
});
