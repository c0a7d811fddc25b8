import { describe, expect, test } from "vitest";
import { salesAppFixture } from "../test-fixtures.js";
import { changed, kpiOf, kpiPath, problems } from "../test-helpers.js";
import { checkKpiReferences } from "./kpi-references.js";

const name = { zh: "指标", en: "KPI" };

describe("checkKpiReferences", () => {
  test("the fixture's KPIs are consistent", () => {
    expect(checkKpiReferences(salesAppFixture())).toEqual([]);
  });

  test("the KPI's form must exist", () => {
    const app = changed((a) => {
      kpiOf(a, "smallest_deal").form = "opportunity";
    });
    expect(problems(app)).toEqual([`unknown_form ${kpiPath(app, "smallest_deal")}/form`]);
  });

  test("sum/avg/min/max read a numeric field or numeric formula, never a system column", () => {
    const app = changed((a) => {
      kpiOf(a, "won_revenue").measure = { type: "sum", field: "margin" };
      kpiOf(a, "avg_deal_size").measure = { type: "avg", field: "title" };
      kpiOf(a, "smallest_deal").measure = { type: "min", field: "_created_at" };
      kpiOf(a, "largest_deal").measure = { type: "max", field: "days_open" };
    });
    expect(problems(app)).toEqual([
      `unknown_field ${kpiPath(app, "won_revenue")}/measure/field`,
      `wrong_field_type ${kpiPath(app, "avg_deal_size")}/measure/field`,
      `wrong_field_type ${kpiPath(app, "smallest_deal")}/measure/field`,
    ]);
  });

  test("filter, periodField (a date) and groupBy name fields of the form", () => {
    const app = changed((a) => {
      const kpi = kpiOf(a, "won_deals");
      kpi.filter = [{ field: "stage", op: "eq", value: "won" }];
      kpi.periodField = "amount";
      kpi.groupBy = ["_owner", "territory"];
      kpiOf(a, "lead_to_won").periodField = "closing";
      kpiOf(a, "avg_deal_size").periodField = "_owner";
    });
    expect(problems(app)).toEqual([
      `unknown_field ${kpiPath(app, "won_deals")}/filter/0/field`,
      `wrong_field_type ${kpiPath(app, "won_deals")}/periodField`,
      `unknown_field ${kpiPath(app, "won_deals")}/groupBy/1`,
      `wrong_field_type ${kpiPath(app, "avg_deal_size")}/periodField`,
      `unknown_field ${kpiPath(app, "lead_to_won")}/periodField`,
    ]);
  });

  test("a KPI filter has no current record for {this}", () => {
    const app = changed((a) => {
      kpiOf(a, "won_deals").filter = [{ field: "_owner", op: "eq", value: { this: "_owner" } }];
    });
    expect(problems(app)).toEqual([`no_current_record ${kpiPath(app, "won_deals")}/filter/0/value/this`]);
  });

  test("ratio parts read their own form (the KPI's by default)", () => {
    const app = changed((a) => {
      const measure = kpiOf(a, "revenue_vs_goal").measure;
      if (measure.type !== "ratio") throw new Error("fixture changed");
      measure.numerator.measure = { type: "sum", field: "target" };
      measure.numerator.groupField = "rep";
      measure.denominator.form = "goals";
      const acceptance = kpiOf(a, "quote_acceptance").measure;
      if (acceptance.type !== "ratio") throw new Error("fixture changed");
      acceptance.numerator.filter = [{ field: "state", op: "eq", value: "accepted" }];
      acceptance.denominator.periodField = "status";
    });
    const revenue = `${kpiPath(app, "revenue_vs_goal")}/measure`;
    const acceptance = `${kpiPath(app, "quote_acceptance")}/measure`;
    expect(problems(app)).toEqual([
      `unknown_field ${acceptance}/numerator/filter/0/field`,
      `wrong_field_type ${acceptance}/denominator/periodField`,
      `unknown_field ${revenue}/numerator/measure/field`,
      `unknown_field ${revenue}/numerator/groupField`,
      `unknown_form ${revenue}/denominator/form`,
    ]);
  });

  test("a ratio on a missing KPI form still checks parts that name their own form", () => {
    const app = changed((a) => {
      const kpi = kpiOf(a, "revenue_vs_goal");
      kpi.form = "opportunity";
      if (kpi.measure.type === "ratio") kpi.measure.denominator.measure = { type: "avg", field: "rep" };
    });
    const path = kpiPath(app, "revenue_vs_goal");
    expect(problems(app)).toEqual([
      `unknown_form ${path}/form`,
      `wrong_field_type ${path}/measure/denominator/measure/field`,
    ]);
  });

  test("duration moments: date fields and stages of the form's pipeline", () => {
    const app = changed((a) => {
      kpiOf(a, "close_slip").measure = {
        type: "duration",
        from: { type: "field", field: "amount" },
        to: { type: "stage_entered", stage: "signed" },
        statistic: "avg",
        unit: "days",
      };
      kpiOf(a, "cycle_time").measure = {
        type: "duration",
        from: { type: "field", field: "kickoff" },
        to: { type: "closed" },
        statistic: "max",
        unit: "hours",
      };
      a.kpis!.push({
        id: "quote_age",
        name,
        form: "quote",
        measure: {
          type: "duration",
          from: { type: "created" },
          to: { type: "stage_entered", stage: "sent" },
          statistic: "avg",
          unit: "days",
        },
      });
    });
    expect(problems(app)).toEqual([
      `unknown_field ${kpiPath(app, "cycle_time")}/measure/from/field`,
      `wrong_field_type ${kpiPath(app, "close_slip")}/measure/from/field`,
      `unknown_stage ${kpiPath(app, "close_slip")}/measure/to/stage`,
      `no_pipeline ${kpiPath(app, "quote_age")}/measure/to/stage`,
    ]);
  });

  test("stage_conversion and time_in_stage need the form's pipeline and its stages", () => {
    const app = changed((a) => {
      kpiOf(a, "lead_to_won").measure = { type: "stage_conversion", from: "prospect", to: "won" };
      kpiOf(a, "negotiation_time").measure = {
        type: "time_in_stage",
        stage: "haggling",
        statistic: "avg",
        unit: "hours",
      };
      a.kpis!.push(
        {
          id: "quote_conversion",
          name,
          form: "quote",
          measure: { type: "stage_conversion", from: "draft", to: "sent" },
        },
        {
          id: "quote_time",
          name,
          form: "quote",
          measure: { type: "time_in_stage", statistic: "avg", unit: "days" },
        },
      );
    });
    const count = app.kpis!.length;
    expect(problems(app)).toEqual([
      `unknown_stage ${kpiPath(app, "lead_to_won")}/measure/from`,
      `unknown_stage ${kpiPath(app, "negotiation_time")}/measure/stage`,
      `no_pipeline /kpis/${count - 2}/measure/from`,
      `no_pipeline /kpis/${count - 2}/measure/to`,
      `no_pipeline /kpis/${count - 1}/measure`,
    ]);
  });

  test("goal records: form, numeric value field, date range, group field and filter", () => {
    const app = changed((a) => {
      kpiOf(a, "monthly_quota").goal = {
        type: "records",
        form: "sales_goal",
        field: "rep",
        from: "target",
        to: "until",
        groupField: "owner",
        filter: [{ field: "area", op: "eq", value: "east" }],
      };
      kpiOf(a, "won_deals").goal = { type: "records", form: "quota", field: "target", from: "month" };
    });
    const goal = `${kpiPath(app, "monthly_quota")}/goal`;
    expect(problems(app)).toEqual([
      `unknown_form ${kpiPath(app, "won_deals")}/goal/form`,
      `wrong_field_type ${goal}/field`,
      `wrong_field_type ${goal}/from`,
      `unknown_field ${goal}/to`,
      `unknown_field ${goal}/groupField`,
      `unknown_field ${goal}/filter/0/field`,
    ]);
  });

  test("a goal value field that does not exist", () => {
    const app = changed((a) => {
      const goal = kpiOf(a, "monthly_quota").goal;
      if (goal?.type === "records") goal.field = "quota";
    });
    expect(problems(app)).toEqual([`unknown_field ${kpiPath(app, "monthly_quota")}/goal/field`]);
  });
});
