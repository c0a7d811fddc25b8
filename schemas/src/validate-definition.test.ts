import { describe, expect, test } from "vitest";
import { salesAppFixture } from "./test-fixtures.js";
import {
  changed,
  fieldOf,
  fieldPath,
  formPath,
  kpiOf,
  kpiPath,
  problems,
  ruleOf,
  rulePath,
} from "./test-helpers.js";
import { validateDefinition } from "./validate-definition.js";

describe("validateDefinition", () => {
  test("the sales fixture is valid and comes back typed, as the same object", () => {
    const app = salesAppFixture();
    const result = validateDefinition(app);
    expect(result).toEqual({ valid: true, definition: app, errors: [] });
    if (result.valid) expect(result.definition).toBe(app);
  });

  test("the fixture is a fresh deep copy each call", () => {
    const a = salesAppFixture();
    a.forms[0]!.id = "changed";
    expect(salesAppFixture().forms[0]!.id).toBe("customer");
  });

  test("the fixture shares no object between two places, so mutating one place changes only it", () => {
    const seen = new Set<object>();
    const walk = (value: unknown): void => {
      if (typeof value !== "object" || value === null) return;
      expect(seen.has(value)).toBe(false);
      seen.add(value);
      Object.values(value).forEach(walk);
    };
    walk(salesAppFixture());
  });

  test.each([null, 0, "app", true, [], {}])("a document that is not an app (%j)", (json) => {
    const result = validateDefinition(json);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  test("structural errors carry JSON Pointers and come all at once", () => {
    const app = changed((a) => {
      a.id = "Sales Plan";
      fieldOf(a, "customer", "name", "text").required = "yes" as never;
      Object.assign(a.forms[1]!, { colour: "red" });
      delete (a.kpis![0] as { name?: unknown }).name;
    });
    expect(problems(app)).toEqual([
      "pattern /id",
      `type ${fieldPath(app, "customer", "name")}/required`,
      `additional_properties ${formPath(app, "deal")}/colour`,
      `required ${kpiPath(app, "won_deals")}/name`,
    ]);
  });

  test("a union of constants names the allowed values; a tagged union its types", () => {
    const app = changed((a) => {
      Object.assign(fieldOf(a, "customer", "name", "text"), { width: "wide" });
      Object.assign(fieldOf(a, "customer", "email", "email"), { type: "mail" });
    });
    const result = validateDefinition(app);
    expect(result.errors).toEqual([
      {
        path: `${fieldPath(app, "customer", "name")}/width`,
        code: "enum",
        message: 'must be one of: "full", "half", "third"',
        params: { keyword: "anyOf", allowedValues: ["full", "half", "third"] },
      },
      expect.objectContaining({ path: `${fieldPath(app, "customer", "email")}/type`, code: "discriminator" }),
    ]);
    expect(result.errors[1]?.message).toMatch(/^type must be one of: text, textarea, number, /);
  });

  test("a forbidden key is reported once, not again as an unknown property", () => {
    const json = JSON.stringify(salesAppFixture()).replace(
      '"id":"sales-plan"',
      '"id":"sales-plan","__proto__":{"polluted":true}',
    );
    const parsed: unknown = JSON.parse(json);
    expect(problems(parsed)).toEqual(["forbidden_key /__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  test("forbidden keys inside expressions, where the schema allows anything", () => {
    const app = changed((a) => {
      ruleOf(a, "sync_deal_to_crm").when = JSON.parse('{"constructor": [1]}') as never;
    });
    expect(problems(app)).toEqual([`forbidden_key ${rulePath(app, "sync_deal_to_crm")}/when/constructor`]);
  });

  test("forbidden keys and structural errors elsewhere are reported together", () => {
    const app = changed((a) => {
      a.id = "BAD";
      Object.assign(a.forms[0]!, JSON.parse('{"prototype": 1}'));
    });
    expect(problems(app)).toEqual([`forbidden_key ${formPath(app, "customer")}/prototype`, "pattern /id"]);
  });

  test("semantic checks run only on a structurally valid document", () => {
    const app = changed((a) => {
      a.id = "BAD";
      kpiOf(a, "won_deals").form = "nowhere";
    });
    expect(problems(app)).toEqual(["pattern /id"]);
  });

  test("several semantic problems in one document are all reported at once", () => {
    const app = changed((a) => {
      a.forms.push(structuredClone(a.forms[0]!));
      fieldOf(a, "deal", "customer", "reference").displayField = "full_name";
      ruleOf(a, "weekly_pipeline_review").trigger = {
        type: "schedule",
        cron: "every monday",
        timeZone: "Asia/Shanghai",
      };
      ruleOf(a, "signed_moves_to_won").actions = [{ type: "move_stage", to: "signed" }];
      kpiOf(a, "won_deals").measure = { type: "sum", field: "title" };
      a.dashboards![0]!.widgets[0] = { id: "revenue", type: "number", kpi: "revenue" };
      fieldOf(a, "quote", "tax", "formula").expression = { "*": [{ var: "total" }, { var: "tax_rate" }] };
      fieldOf(a, "customer", "tier", "select").default = "z";
      a.settings = { calendar: "cn_2030" };
    });
    expect(problems(app)).toEqual([
      `duplicate_id /forms/${app.forms.length - 1}/id`,
      `unknown_field ${fieldPath(app, "deal", "customer")}/displayField`,
      `invalid_cron ${rulePath(app, "weekly_pipeline_review")}/trigger/cron`,
      `no_current_record ${rulePath(app, "weekly_pipeline_review")}/actions/0/to/0`,
      `unknown_stage ${rulePath(app, "signed_moves_to_won")}/actions/0/to`,
      `wrong_field_type ${kpiPath(app, "won_deals")}/measure/field`,
      "unknown_kpi /dashboards/0/widgets/0/kpi",
      "unknown_calendar /settings/calendar",
      `formula_cycle ${fieldPath(app, "quote", "tax")}/expression`,
      `invalid_default ${fieldPath(app, "customer", "tier")}/default`,
    ]);
  });
});
