import { describe, expect, test } from "vitest";
import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import { salesAppFixture } from "../test-fixtures.js";
import { actionOf, changed, fieldOf, formOf, kpiOf, ruleOf, stageOf, widgetOf } from "../test-helpers.js";
import { validateDefinition } from "../validate-definition.js";
import { DEFINITION_ERROR_CODES, isDefinitionErrorCode, type DefinitionErrorCode } from "./error-codes.js";
import { checkLimits } from "./limits.js";

function errors(change: (app: AppDefinition) => void): ValidationIssue[] {
  return validateDefinition(changed(change)).errors;
}

/** Loosen a typed value for tests that write what the types forbid (that is what they test). */
function raw(value: object): Record<string, unknown> {
  return value as Record<string, unknown>;
}

/** One document per catalogued code that makes validateDefinition (or its check) report it. */
const EXAMPLES: Record<DefinitionErrorCode, () => ValidationIssue[]> = {
  forbidden_key: () => validateDefinition(JSON.parse('{"__proto__": {}}')).errors,
  type: () => errors((a) => (raw(a)["forms"] = {})),
  required: () => errors((a) => delete raw(a)["name"]),
  additional_properties: () => errors((a) => (raw(a)["version"] = 2)),
  pattern: () => errors((a) => (a.id = "Sales")),
  min_length: () => errors((a) => (a.name.zh = "")),
  max_length: () => errors((a) => (a.name.en = "x".repeat(2001))),
  minimum: () =>
    errors((a) => (kpiOf(a, "won_revenue").goal = { type: "split", year: 1800, total: 1, mode: "weights" })),
  maximum: () => errors((a) => (a.settings = { cascadeDepth: 21 })),
  exclusive_minimum: () => errors((a) => (stageOf(a, "deal", "proposal").sla!.limit.amount = 0)),
  min_items: () => errors((a) => (a.forms = [])),
  max_items: () =>
    errors((a) => {
      ruleOf(a, "deal_won").actions = Array.from({ length: 51 }, () => ({ type: "wait", days: 1 }));
    }),
  max_properties: () =>
    errors((a) => {
      const headers = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-H${i}`, "v"]));
      actionOf(a, "sync_deal_to_crm", 0, "webhook").headers = headers;
    }),
  not: () => errors((a) => (formOf(a, "contract").id = "constructor")),
  enum: () => errors((a) => (raw(kpiOf(a, "won_deals"))["format"] = "euro")),
  any_of: () => errors((a) => (kpiOf(a, "won_deals").groupBy = ["Owner"])),
  discriminator: () => errors((a) => (raw(a.forms[0]!.fields[0]!)["type"] = "markdown")),
  duplicate_id: () => errors((a) => (a.kpis![1]!.id = a.kpis![0]!.id)),
  unknown_form: () => errors((a) => (kpiOf(a, "won_deals").form = "opportunity")),
  unknown_field: () => errors((a) => (formOf(a, "deal").titleField = "name")),
  unknown_stage: () => errors((a) => (formOf(a, "deal").pipeline!.initial = "prospect")),
  unknown_kpi: () => errors((a) => (widgetOf(a, "sales_overview", "revenue", "number").kpi = "sales")),
  unknown_calendar: () => errors((a) => (a.settings = { calendar: "cn_1999" })),
  unknown_aggregate: () =>
    errors((a) => (fieldOf(a, "deal", "quotes", "formula").expression = { aggregate: "x" })),
  no_pipeline: () => errors((a) => (ruleOf(a, "send_quote").actions = [{ type: "move_stage", to: "sent" }])),
  wrong_field_type: () => errors((a) => (formOf(a, "customer").titleField = "contact_section")),
  field_not_writable: () =>
    errors((a) => (actionOf(a, "approval_approved", 0, "set_field").field = "net_amount")),
  reference_target_mismatch: () =>
    errors((a) => (actionOf(a, "deal_won", 0, "create_record").linkField = "customer")),
  no_current_record: () =>
    errors(
      (a) => (kpiOf(a, "won_deals").filter = [{ field: "_owner", op: "eq", value: { this: "_owner" } }]),
    ),
  missing_property: () =>
    errors((a) =>
      formOf(a, "deal").aggregates!.push({
        id: "p50",
        type: "rollup",
        form: "quote",
        measure: "percentile",
        field: "total",
      }),
    ),
  invalid_time_zone: () => errors((a) => (a.settings = { timeZone: "Moon/Base" })),
  invalid_cron: () =>
    errors(
      (a) =>
        (ruleOf(a, "monthly_report").trigger = { type: "schedule", cron: "@monthly *", timeZone: "UTC" }),
    ),
  unknown_operator: () =>
    errors((a) => (ruleOf(a, "deal_won").when = { method: [{ var: "title" }, "toUpperCase"] })),
  forbidden_path: () => errors((a) => (ruleOf(a, "deal_won").when = { var: "title.constructor" })),
  expression_too_deep: () =>
    errors((a) => {
      let deep: unknown = true;
      for (let i = 0; i < 40; i++) deep = { "!": [deep] };
      ruleOf(a, "deal_won").when = deep as never;
    }),
  expression_shape: () => errors((a) => (ruleOf(a, "deal_won").when = {})),
  formula_cycle: () =>
    errors((a) => (fieldOf(a, "quote", "subtotal", "formula").expression = { var: "total" })),
  too_many_rules: () => {
    const app = salesAppFixture();
    app.rules = Array.from({ length: 1001 }, (_, i) => ({ ...app.rules![0]!, id: `r${i}` }));
    return checkLimits(app);
  },
  goal_split_mismatch: () =>
    errors(
      (a) =>
        (kpiOf(a, "won_revenue").goal = {
          type: "split",
          year: 2025,
          total: 10,
          mode: "amounts",
          quarters: [1, 2, 3, 5],
        }),
    ),
  invalid_default: () => errors((a) => (fieldOf(a, "quote", "status", "select").default = "paid")),
  invalid_range: () =>
    errors((a) => Object.assign(fieldOf(a, "deal", "amount", "money"), { min: 10, max: 1 })),
  invalid_pattern: () => errors((a) => (fieldOf(a, "customer", "short_code", "text").pattern = "(")),
};

describe("DEFINITION_ERROR_CODES", () => {
  test.each(Object.keys(EXAMPLES))("%s is emitted by its example", (code) => {
    const emitted = EXAMPLES[code as DefinitionErrorCode]().map((i) => i.code);
    expect(emitted).toContain(code);
  });

  test("every code any example emits is catalogued", () => {
    const emitted = new Set(Object.values(EXAMPLES).flatMap((example) => example().map((i) => i.code)));
    expect([...emitted].filter((code) => !isDefinitionErrorCode(code))).toEqual([]);
  });

  test("every catalogued code has an example and a one-line description", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(DEFINITION_ERROR_CODES).sort());
    for (const [code, description] of Object.entries(DEFINITION_ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(description).not.toContain("\n");
    }
  });

  test("isDefinitionErrorCode does not read prototypes", () => {
    expect(isDefinitionErrorCode("toString")).toBe(false);
    expect(isDefinitionErrorCode("__proto__")).toBe(false);
    expect(isDefinitionErrorCode("duplicate_id")).toBe(true);
  });
});
