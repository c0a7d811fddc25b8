import { describe, expect, test } from "vitest";
import type { AppDefinition } from "../app.js";
import type { Trigger } from "../rule.js";
import { salesAppFixture } from "../test-fixtures.js";
import { changed, problems, ruleOf, rulePath } from "../test-helpers.js";
import { checkTriggerReferences } from "./trigger-references.js";

function setTrigger(app: AppDefinition, rule: string, trigger: Trigger): void {
  ruleOf(app, rule).trigger = trigger;
}

describe("checkTriggerReferences", () => {
  test("the fixture's triggers are consistent", () => {
    expect(checkTriggerReferences(salesAppFixture())).toEqual([]);
  });

  test("the trigger's form must exist (and nothing else is checked against it)", () => {
    const app = changed((a) => {
      setTrigger(a, "left_negotiation", { type: "stage.left", form: "opportunity", stage: "nowhere" });
    });
    expect(problems(app)).toEqual([`unknown_form ${rulePath(app, "left_negotiation")}/trigger/form`]);
  });

  test("field.changed fields exist in the form", () => {
    const app = changed((a) => {
      setTrigger(a, "customer_tier_sync", {
        type: "field.changed",
        form: "customer",
        fields: ["tier", "grade"],
      });
    });
    expect(problems(app)).toEqual([`unknown_field ${rulePath(app, "customer_tier_sync")}/trigger/fields/1`]);
  });

  test("stage and approval triggers name a stage of the form's pipeline", () => {
    const app = changed((a) => {
      setTrigger(a, "deal_lost", { type: "stage.entered", form: "deal", stage: "closed_lost" });
      setTrigger(a, "approval_overdue", { type: "approval.overdue", form: "deal", stage: "signing" });
    });
    expect(problems(app)).toEqual([
      `unknown_stage ${rulePath(app, "deal_lost")}/trigger/stage`,
      `unknown_stage ${rulePath(app, "approval_overdue")}/trigger/stage`,
    ]);
  });

  test("a stage trigger on a form without pipeline is an error, with or without a stage", () => {
    const app = changed((a) => {
      setTrigger(a, "left_negotiation", { type: "stage.left", form: "quote", stage: "sent" });
      setTrigger(a, "approval_rejected", { type: "approval.rejected", form: "customer" });
    });
    expect(problems(app)).toEqual([
      `no_pipeline ${rulePath(app, "left_negotiation")}/trigger/stage`,
      `no_pipeline ${rulePath(app, "approval_rejected")}/trigger/form`,
    ]);
  });

  test("date.offset needs a date or datetime field (a date formula counts)", () => {
    const app = changed((a) => {
      setTrigger(a, "renewal_reminder", {
        type: "date.offset",
        form: "contract",
        field: "amount",
        days: -60,
      });
      a.rules!.push({
        id: "quote_follow_up",
        trigger: { type: "date.offset", form: "quote", field: "follow_up", days: 0 },
        actions: [{ type: "wait", days: 1 }],
      });
      a.rules!.push({
        id: "quote_missing",
        trigger: { type: "date.offset", form: "quote", field: "sent_on", days: 1 },
        actions: [{ type: "wait", days: 1 }],
      });
    });
    expect(problems(app)).toEqual([
      `wrong_field_type ${rulePath(app, "renewal_reminder")}/trigger/field`,
      `unknown_field ${rulePath(app, "quote_missing")}/trigger/field`,
    ]);
  });

  test("record.idle's stage exists; a form without pipeline may only idle without one", () => {
    const app = changed((a) => {
      setTrigger(a, "stale_proposal", { type: "record.idle", form: "deal", days: 7, stage: "offer" });
      a.rules!.push(
        {
          id: "idle_quote",
          trigger: { type: "record.idle", form: "quote", days: 30 },
          actions: [{ type: "wait", days: 1 }],
        },
        {
          id: "idle_quote_stage",
          trigger: { type: "record.idle", form: "quote", days: 30, stage: "sent" },
          actions: [{ type: "wait", days: 1 }],
        },
      );
    });
    expect(problems(app)).toEqual([
      `unknown_stage ${rulePath(app, "stale_proposal")}/trigger/stage`,
      `no_pipeline ${rulePath(app, "idle_quote_stage")}/trigger/stage`,
    ]);
  });

  test("schedule: cron, time zone, form and filter fields", () => {
    const app = changed((a) => {
      setTrigger(a, "weekly_pipeline_review", {
        type: "schedule",
        cron: "0 25 * * MON",
        timeZone: "Asia/Beijing",
        form: "deal",
        filter: [{ field: "stage", op: "eq", value: "won" }],
      });
      setTrigger(a, "monthly_report", {
        type: "schedule",
        cron: "0 9 1 * *",
        timeZone: "UTC",
        filter: [{ field: "amount", op: "gt", value: 0 }],
      });
    });
    const weekly = `${rulePath(app, "weekly_pipeline_review")}/trigger`;
    expect(problems(app)).toEqual([
      `invalid_cron ${weekly}/cron`,
      `invalid_time_zone ${weekly}/timeZone`,
      `unknown_field ${weekly}/filter/0/field`,
      `missing_property ${rulePath(app, "monthly_report")}/trigger/filter`,
    ]);
  });

  test("a schedule's filter has no current record to read with {this}", () => {
    const app = changed((a) => {
      setTrigger(a, "weekly_pipeline_review", {
        type: "schedule",
        cron: "*/15 9-18 * * 1-5",
        timeZone: "Asia/Shanghai",
        form: "deal",
        filter: [{ field: "amount", op: "gt", value: { this: "amount" } }],
      });
    });
    expect(problems(app)).toEqual([
      `no_current_record ${rulePath(app, "weekly_pipeline_review")}/trigger/filter/0/value/this`,
    ]);
  });

  test("date.offset's time zone must be valid", () => {
    const app = changed((a) => {
      setTrigger(a, "renewal_reminder", {
        type: "date.offset",
        form: "contract",
        field: "end_date",
        days: -60,
        timeZone: "Mars/Olympus_Mons",
      });
    });
    expect(problems(app)).toEqual([
      `invalid_time_zone ${rulePath(app, "renewal_reminder")}/trigger/timeZone`,
    ]);
  });
});
