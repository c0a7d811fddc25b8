import { describe, expect, test } from "vitest";
import { MAX_EXPRESSION_DEPTH } from "../expression-analysis.js";
import { salesAppFixture } from "../test-fixtures.js";
import {
  actionOf,
  changed,
  fieldOf,
  fieldPath,
  problems,
  ruleOf,
  rulePath,
  stageOf,
  stagePath,
} from "../test-helpers.js";
import { checkExpressions } from "./expressions.js";

function nested(depth: number): unknown {
  let expr: unknown = 1;
  for (let i = 0; i < depth; i++) expr = { "!": [expr] };
  return expr;
}

describe("checkExpressions", () => {
  test("the fixture's expressions are sound", () => {
    expect(checkExpressions(salesAppFixture())).toEqual([]);
  });

  test("visibleWhen/readOnlyWhen and formulas read fields of their form or system columns", () => {
    const app = changed((a) => {
      fieldOf(a, "customer", "notes", "textarea").visibleWhen = { "==": [{ var: "grade" }, "a"] };
      fieldOf(a, "deal", "approved_discount", "percent").readOnlyWhen = { "==": [{ var: "_stage" }, "won"] };
      fieldOf(a, "deal", "net_amount", "formula").expression = {
        "*": [{ var: "amount" }, { var: "rate.value" }],
      };
    });
    expect(problems(app)).toEqual([
      `unknown_field ${fieldPath(app, "customer", "notes")}/visibleWhen`,
      `unknown_field ${fieldPath(app, "deal", "net_amount")}/expression`,
    ]);
    expect(checkExpressions(app)[1]?.params).toEqual({ field: "rate.value" });
  });

  test("only the first segment of a var is a field (subform paths are fine)", () => {
    const app = changed((a) => {
      fieldOf(a, "quote", "summary", "formula").expression = {
        cat: [{ var: "line_items.0.product" }, { var: ["status", "x"] }],
      };
    });
    expect(problems(app)).toEqual([]);
  });

  test("reading a section is reading nothing", () => {
    const app = changed((a) => {
      fieldOf(a, "customer", "notes", "textarea").visibleWhen = { var: "contact_section" };
    });
    expect(problems(app)).toEqual([`wrong_field_type ${fieldPath(app, "customer", "notes")}/visibleWhen`]);
  });

  test("operators outside the whitelist, forbidden paths and bad shapes are reported inside the expression", () => {
    const app = changed((a) => {
      fieldOf(a, "deal", "days_open", "formula").expression = { log: [{ var: "amount" }] };
      stageOf(a, "deal", "proposal").guard = { and: [{ var: "amount.__proto__" }, { a: 1, b: 2 }] };
    });
    expect(problems(app)).toEqual([
      `unknown_operator ${fieldPath(app, "deal", "days_open")}/expression/log`,
      `forbidden_path ${stagePath(app, "deal", "proposal")}/guard/and/0/var`,
      `expression_shape ${stagePath(app, "deal", "proposal")}/guard/and/1`,
    ]);
  });

  test("expressions deeper than MAX_EXPRESSION_DEPTH", () => {
    const app = changed((a) => {
      ruleOf(a, "sync_deal_to_crm").when = nested(MAX_EXPRESSION_DEPTH) as never;
    });
    expect(problems(app)).toEqual([]);
    const deep = changed((a) => {
      ruleOf(a, "sync_deal_to_crm").when = nested(MAX_EXPRESSION_DEPTH + 5) as never;
    });
    const [found] = checkExpressions(deep);
    expect(found?.code).toBe("expression_too_deep");
    expect(found?.path.startsWith(`${rulePath(deep, "sync_deal_to_crm")}/when/!/0/!/0`)).toBe(true);
  });

  test("stage guards and approval step conditions read the form's fields", () => {
    const app = changed((a) => {
      stageOf(a, "deal", "proposal").guard = { ">": [{ var: "budget" }, 0] };
      stageOf(a, "deal", "negotiation").approval!.steps[0]!.when = { ">": [{ var: "margin" }, 0.1] };
    });
    expect(problems(app)).toEqual([
      `unknown_field ${stagePath(app, "deal", "proposal")}/guard`,
      `unknown_field ${stagePath(app, "deal", "negotiation")}/approval/steps/0/when`,
    ]);
  });

  test("aggregates must be declared on the form", () => {
    const app = changed((a) => {
      fieldOf(a, "customer", "open_pipeline", "formula").expression = { aggregate: "quote_count" };
    });
    expect(problems(app)).toEqual([
      `unknown_aggregate ${fieldPath(app, "customer", "open_pipeline")}/expression`,
    ]);
  });

  test("subform row expressions read row fields or _parent.<field>", () => {
    const app = changed((a) => {
      const rows = fieldOf(a, "quote", "line_items", "subform").fields;
      const tax = rows.find((f) => f.id === "line_tax");
      if (tax?.type === "formula") tax.expression = { "*": [{ var: "line_total" }, { var: "_parent.vat" }] };
      const note = rows.find((f) => f.id === "note");
      if (note)
        note.visibleWhen = { and: [{ var: "_parent" }, { var: "_parent._stage" }, { var: "subtotal" }] };
      const total = rows.find((f) => f.id === "line_total");
      if (total) total.readOnlyWhen = { "==": [{ var: "_parent.status" }, "sent"] };
    });
    const rows = `${fieldPath(app, "quote", "line_items")}/fields`;
    expect(problems(app)).toEqual([
      `unknown_field ${rows}/5/expression`,
      `unknown_field ${rows}/6/visibleWhen`,
      `unknown_field ${rows}/6/visibleWhen`,
    ]);
    expect(checkExpressions(app).map((i) => i.params)).toEqual([
      { field: "_parent.vat" },
      { field: "_parent" },
      { field: "subtotal" },
    ]);
  });

  test("rule conditions and action values read the trigger's form and its aggregates", () => {
    const app = changed((a) => {
      ruleOf(a, "pre_approve_small_discount").when = {
        ">": [{ aggregate: "open_deal_total" }, { var: "budget" }],
      };
      actionOf(a, "approval_approved", 0, "set_field").value = { var: "rebate" };
      actionOf(a, "deal_won", 0, "create_record").data["amount"] = { var: "net" };
      actionOf(a, "deal_won", 1, "update_records").increment = { won_amount: { var: "total" } };
      actionOf(a, "deal_lost", 0, "update_records").set = { status: { var: "reason" } };
      actionOf(a, "sync_deal_to_crm", 0, "webhook").body = { cat: [{ var: "name" }] };
    });
    expect(problems(app)).toEqual([
      `unknown_field ${rulePath(app, "sync_deal_to_crm")}/actions/0/body`,
      `unknown_field ${rulePath(app, "pre_approve_small_discount")}/when`,
      `unknown_aggregate ${rulePath(app, "pre_approve_small_discount")}/when`,
      `unknown_field ${rulePath(app, "deal_won")}/actions/0/data/amount`,
      `unknown_field ${rulePath(app, "deal_won")}/actions/1/increment/won_amount`,
      `unknown_field ${rulePath(app, "deal_lost")}/actions/0/set/status`,
      `unknown_field ${rulePath(app, "approval_approved")}/actions/0/value`,
    ]);
  });

  test("rules without a form: vars are not checked, aggregates are unknown", () => {
    const app = changed((a) => {
      ruleOf(a, "monthly_report").when = { and: [{ var: "anything.goes" }, { aggregate: "quote_count" }] };
    });
    expect(problems(app)).toEqual([`unknown_aggregate ${rulePath(app, "monthly_report")}/when`]);
  });

  test("rules with an unknown form check only the expression itself", () => {
    const app = changed((a) => {
      const rule = ruleOf(a, "sync_deal_to_crm");
      rule.trigger = { type: "record.updated", form: "opportunity" };
      rule.when = { and: [{ var: "whatever" }, { aggregate: "whatever" }, { method: [] }] };
    });
    const path = rulePath(app, "sync_deal_to_crm");
    expect(problems(app)).toEqual([
      `unknown_form ${path}/trigger/form`,
      `unknown_operator ${path}/when/and/2/method`,
    ]);
  });
});
