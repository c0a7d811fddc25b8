import { describe, expect, test } from "vitest";
import type { Aggregate } from "../form.js";
import { salesAppFixture } from "../test-fixtures.js";
import { changed, formOf, formPath, problems } from "../test-helpers.js";
import { checkAggregateReferences } from "./aggregate-references.js";

function aggregate(app: ReturnType<typeof salesAppFixture>, form: string, id: string): Aggregate {
  const found = formOf(app, form).aggregates?.find((a) => a.id === id);
  if (!found) throw new Error(`no aggregate ${id}`);
  return found;
}

describe("checkAggregateReferences", () => {
  test("the fixture's aggregates are consistent", () => {
    expect(checkAggregateReferences(salesAppFixture())).toEqual([]);
  });

  test("the aggregated form must exist", () => {
    const app = changed((a) => {
      aggregate(a, "deal", "quote_count").form = "offer";
    });
    expect(problems(app)).toEqual([`unknown_form ${formPath(app, "deal")}/aggregates/0/form`]);
  });

  test("the measured field must be in the aggregated form and numeric (dates for min/max)", () => {
    const app = changed((a) => {
      const open = aggregate(a, "customer", "open_deal_total");
      if (open.type === "rollup") open.field = "margin";
      const last = aggregate(a, "customer", "last_deal_at");
      if (last.type === "rollup") last.field = "expected_close";
      const median = aggregate(a, "customer", "median_deal");
      if (median.type === "rollup") median.field = "title";
      formOf(a, "customer").aggregates!.push({
        id: "latest_title",
        type: "rollup",
        form: "deal",
        measure: "max",
        field: "title",
      });
      formOf(a, "customer").aggregates!.push({
        id: "sum_of_stage",
        type: "rollup",
        form: "deal",
        measure: "sum",
        field: "_stage",
      });
      formOf(a, "customer").aggregates!.push({
        id: "deal_count",
        type: "rollup",
        form: "deal",
        measure: "count",
        field: "_id",
      });
    });
    const base = `${formPath(app, "customer")}/aggregates`;
    expect(problems(app)).toEqual([
      `unknown_field ${base}/0/field`,
      `wrong_field_type ${base}/2/field`,
      `wrong_field_type ${base}/3/field`,
      `wrong_field_type ${base}/4/field`,
    ]);
  });

  test("sum/avg/min/max/percentile need a field; percentile needs its rank", () => {
    const app = changed((a) => {
      formOf(a, "customer").aggregates!.push(
        { id: "total_amount", type: "rollup", form: "deal", measure: "sum" },
        { id: "p90", type: "rollup", form: "deal", measure: "percentile", field: "amount" },
      );
    });
    const base = `${formPath(app, "customer")}/aggregates`;
    expect(problems(app)).toEqual([
      `missing_property ${base}/3/field`,
      `missing_property ${base}/4/percentile`,
    ]);
  });

  test("an active aggregate's from/to are date fields of its form", () => {
    const app = changed((a) => {
      const policy = aggregate(a, "deal", "active_policy");
      if (policy.type === "active") {
        policy.from = "max_discount";
        policy.to = "valid_to";
      }
    });
    const base = `${formPath(app, "deal")}/aggregates/1`;
    expect(problems(app)).toEqual([`wrong_field_type ${base}/from`, `unknown_field ${base}/to`]);
  });

  test("filter fields name the aggregated form; {this} values name the declaring form", () => {
    const app = changed((a) => {
      const open = aggregate(a, "customer", "open_deal_total");
      open.filter = [
        { field: "client", op: "eq", value: { this: "_id" } },
        { field: "region", op: "in", value: [{ this: "area" }, "east"] },
        { field: "amount", op: "gt", value: { this: "annual_revenue" } },
      ];
    });
    const base = `${formPath(app, "customer")}/aggregates/0/filter`;
    expect(problems(app)).toEqual([`unknown_field ${base}/0/field`, `unknown_field ${base}/1/value/0/this`]);
  });
});
