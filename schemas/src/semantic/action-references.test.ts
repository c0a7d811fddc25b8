import { describe, expect, test } from "vitest";
import type { Action } from "../rule.js";
import { salesAppFixture } from "../test-fixtures.js";
import { actionOf, changed, problems, ruleOf, rulePath } from "../test-helpers.js";
import { checkActionReferences } from "./action-references.js";

const title = { zh: "通知", en: "Notice" };

describe("checkActionReferences", () => {
  test("the fixture's actions are consistent", () => {
    expect(checkActionReferences(salesAppFixture())).toEqual([]);
  });

  test("set_field: the field exists in the trigger's form and takes input", () => {
    const app = changed((a) => {
      actionOf(a, "approval_approved", 0, "set_field").field = "approved_rate";
      ruleOf(a, "pre_approve_small_discount").actions.push(
        { type: "set_field", field: "net_amount", value: 1 },
        { type: "set_field", field: "deal_no", value: "D-1" },
      );
      actionOf(a, "send_quote", 1, "set_field").field = "line_items";
    });
    const pre = `${rulePath(app, "pre_approve_small_discount")}/actions`;
    expect(problems(app)).toEqual([
      `field_not_writable ${pre}/1/field`,
      `field_not_writable ${pre}/2/field`,
      `unknown_field ${rulePath(app, "approval_approved")}/actions/0/field`,
    ]);
  });

  test("create_record: form, data keys (writable), linkField pointing back to the trigger's form", () => {
    const app = changed((a) => {
      const create = actionOf(a, "deal_won", 0, "create_record");
      create.data["renewal_of"] = { var: "_id" };
      create.data["contract_no"] = "C-1";
      create.linkField = "customer";
      actionOf(a, "renewal_reminder", 1, "create_record").form = "opportunity";
      actionOf(a, "inbound_lead", 0, "create_record").linkField = "account_manager";
    });
    const won = `${rulePath(app, "deal_won")}/actions/0`;
    expect(problems(app)).toEqual([
      `unknown_field ${won}/data/renewal_of`,
      `field_not_writable ${won}/data/contract_no`,
      `reference_target_mismatch ${won}/linkField`,
      `unknown_form ${rulePath(app, "renewal_reminder")}/actions/1/form`,
      `no_current_record ${rulePath(app, "inbound_lead")}/actions/0/linkField`,
    ]);
  });

  test("create_record: a linkField that is not a reference field", () => {
    const app = changed((a) => {
      actionOf(a, "deal_won", 0, "create_record").linkField = "amount";
    });
    expect(problems(app)).toEqual([`wrong_field_type ${rulePath(app, "deal_won")}/actions/0/linkField`]);
  });

  test("update_records via reference: a reference field of the trigger's form pointing to action.form", () => {
    const app = changed((a) => {
      const update = actionOf(a, "deal_won", 1, "update_records");
      update.target = { type: "reference", field: "sales_rep" };
      ruleOf(a, "deal_lost").actions.push({
        type: "update_records",
        form: "quote",
        target: { type: "reference", field: "customer" },
        set: { status: "rejected" },
      });
    });
    expect(problems(app)).toEqual([
      `wrong_field_type ${rulePath(app, "deal_won")}/actions/1/target/field`,
      `reference_target_mismatch ${rulePath(app, "deal_lost")}/actions/1/target/field`,
    ]);
  });

  test("update_records via referencing: a reference field of action.form pointing to the trigger's form", () => {
    const app = changed((a) => {
      actionOf(a, "customer_tier_sync", 0, "update_records").target = { type: "referencing", field: "owner" };
      ruleOf(a, "customer_tier_sync").actions.push({
        type: "update_records",
        form: "quote",
        target: { type: "referencing", field: "deal" },
        set: { status: "draft" },
      });
    });
    const base = `${rulePath(app, "customer_tier_sync")}/actions`;
    expect(problems(app)).toEqual([
      `unknown_field ${base}/0/target/field`,
      `reference_target_mismatch ${base}/1/target/field`,
    ]);
  });

  test("update_records: form, filter fields, set and increment keys; increments are number/money/percent", () => {
    const app = changed((a) => {
      const lost = actionOf(a, "deal_lost", 0, "update_records");
      lost.target = { type: "filter", filter: [{ field: "opportunity", op: "eq", value: { this: "_id" } }] };
      lost.set = { state: "rejected", total: 0 };
      const won = actionOf(a, "deal_won", 1, "update_records");
      won.increment = { deal_count: 1, satisfaction: 1, tier: 1, visits: 1 };
      actionOf(a, "customer_tier_sync", 0, "update_records").form = "opportunity";
    });
    const lost = `${rulePath(app, "deal_lost")}/actions/0`;
    const won = `${rulePath(app, "deal_won")}/actions/1`;
    expect(problems(app)).toEqual([
      `unknown_field ${won}/increment/visits`,
      `wrong_field_type ${won}/increment/satisfaction`,
      `wrong_field_type ${won}/increment/tier`,
      `unknown_field ${lost}/target/filter/0/field`,
      `unknown_field ${lost}/set/state`,
      `field_not_writable ${lost}/set/total`,
      `unknown_form ${rulePath(app, "customer_tier_sync")}/actions/0/form`,
    ]);
  });

  test("assign_owner by_field names a field of the trigger's form", () => {
    const app = changed((a) => {
      const assign = actionOf(a, "proposal_overdue", 0, "assign_owner");
      if (assign.strategy.type === "by_field") assign.strategy.field = "territory";
    });
    expect(problems(app)).toEqual([
      `unknown_field ${rulePath(app, "proposal_overdue")}/actions/0/strategy/field`,
    ]);
  });

  test("notify: field recipients are user fields of the trigger's form", () => {
    const app = changed((a) => {
      actionOf(a, "renewal_reminder", 0, "notify").to = [
        { type: "field", field: "end_date" },
        { type: "field", field: "signer" },
        { type: "field", field: "account_manager" },
      ];
    });
    const to = `${rulePath(app, "renewal_reminder")}/actions/0/to`;
    expect(problems(app)).toEqual([`wrong_field_type ${to}/0/field`, `unknown_field ${to}/1/field`]);
  });

  test("move_stage names a stage of the trigger form's pipeline", () => {
    const app = changed((a) => {
      actionOf(a, "signed_moves_to_won", 0, "move_stage").to = "closed";
      ruleOf(a, "send_quote").actions.push({ type: "move_stage", to: "sent" });
    });
    expect(problems(app)).toEqual([
      `unknown_stage ${rulePath(app, "signed_moves_to_won")}/actions/0/to`,
      `no_pipeline ${rulePath(app, "send_quote")}/actions/4/to`,
    ]);
  });

  test("actions that need a record are errors under a trigger without a form", () => {
    const needRecord: Action[] = [
      { type: "set_field", field: "name", value: "x" },
      { type: "move_stage", to: "won" },
      { type: "assign_owner", strategy: { type: "fixed", userId: "u_alice" } },
      { type: "update_records", form: "customer", target: { type: "reference", field: "customer" }, set: {} },
      { type: "update_records", form: "deal", target: { type: "referencing", field: "customer" }, set: {} },
      {
        type: "update_records",
        form: "deal",
        target: { type: "filter", filter: [{ field: "customer", op: "eq", value: { this: "_id" } }] },
        set: {},
      },
      {
        type: "notify",
        to: [{ type: "owner" }, { type: "field", field: "account_manager" }, { type: "manager" }],
        title,
      },
    ];
    const app = changed((a) => {
      ruleOf(a, "monthly_report").actions.push(...needRecord);
    });
    const base = `${rulePath(app, "monthly_report")}/actions`;
    expect(problems(app)).toEqual([
      `no_current_record ${base}/2`,
      `no_current_record ${base}/3`,
      `no_current_record ${base}/4`,
      `no_current_record ${base}/5/target`,
      `no_current_record ${base}/6/target`,
      `no_current_record ${base}/7/target/filter/0/value/this`,
      `no_current_record ${base}/8/to/0`,
      `no_current_record ${base}/8/to/1`,
    ]);
  });

  test("a rule whose trigger form is unknown reports only that", () => {
    const app = changed((a) => {
      ruleOf(a, "deal_won").trigger = { type: "stage.entered", form: "opportunity", stage: "won" };
    });
    expect(problems(app)).toEqual([`unknown_form ${rulePath(app, "deal_won")}/trigger/form`]);
  });
});
