import { describe, expect, test } from "vitest";
import { salesAppFixture } from "../test-fixtures.js";
import { changed, dashboardOf, problems, widgetOf, widgetPath } from "../test-helpers.js";
import { checkDashboardReferences } from "./dashboard-references.js";

describe("checkDashboardReferences", () => {
  test("the fixture's dashboards are consistent", () => {
    expect(checkDashboardReferences(salesAppFixture())).toEqual([]);
  });

  test("widgets name existing KPIs", () => {
    const app = changed((a) => {
      widgetOf(a, "sales_overview", "revenue", "number").kpi = "revenue";
      widgetOf(a, "sales_overview", "revenue_trend", "line").kpi = "trend";
      widgetOf(a, "sales_overview", "wins_by_region", "bar").kpi = "wins";
      widgetOf(a, "sales_overview", "top_reps", "leaderboard").kpi = "top";
    });
    expect(problems(app)).toEqual([
      `unknown_kpi ${widgetPath(app, "sales_overview", "revenue")}/kpi`,
      `unknown_kpi ${widgetPath(app, "sales_overview", "revenue_trend")}/kpi`,
      `unknown_kpi ${widgetPath(app, "sales_overview", "wins_by_region")}/kpi`,
      `unknown_kpi ${widgetPath(app, "sales_overview", "top_reps")}/kpi`,
    ]);
  });

  test("bar and leaderboard groupBy name fields of the KPI's form", () => {
    const app = changed((a) => {
      widgetOf(a, "sales_overview", "wins_by_region", "bar").groupBy = "territory";
      widgetOf(a, "sales_overview", "top_reps", "leaderboard").groupBy = "team";
    });
    expect(problems(app)).toEqual([
      `unknown_field ${widgetPath(app, "sales_overview", "wins_by_region")}/groupBy`,
      `unknown_field ${widgetPath(app, "sales_overview", "top_reps")}/groupBy`,
    ]);
  });

  test("funnels need a form with a pipeline and its stages", () => {
    const app = changed((a) => {
      widgetOf(a, "sales_overview", "pipeline", "funnel").stages = ["lead", "demo"];
      widgetOf(a, "pipeline_health", "all_stages", "funnel").form = "quote";
      dashboardOf(a, "pipeline_health").widgets.push(
        { id: "missing", type: "funnel", form: "opportunity" },
        { id: "quote_stages", type: "funnel", form: "quote", stages: ["draft"] },
      );
    });
    expect(problems(app)).toEqual([
      `unknown_stage ${widgetPath(app, "sales_overview", "pipeline")}/stages/1`,
      `no_pipeline ${widgetPath(app, "pipeline_health", "all_stages")}/form`,
      `unknown_form ${widgetPath(app, "pipeline_health", "missing")}/form`,
      `no_pipeline ${widgetPath(app, "pipeline_health", "quote_stages")}/form`,
    ]);
  });

  test("tables: form, columns and filter (which has no current record)", () => {
    const app = changed((a) => {
      const table = widgetOf(a, "sales_overview", "open_deals", "table");
      table.columns = ["title", "stage", "_owner"];
      table.filter = [{ field: "_owner", op: "eq", value: { this: "_owner" } }];
      dashboardOf(a, "pipeline_health").widgets.push({
        id: "quotes",
        type: "table",
        form: "offer",
        columns: ["total"],
      });
    });
    const table = widgetPath(app, "sales_overview", "open_deals");
    expect(problems(app)).toEqual([
      `unknown_field ${table}/columns/1`,
      `no_current_record ${table}/filter/0/value/this`,
      `unknown_form ${widgetPath(app, "pipeline_health", "quotes")}/form`,
    ]);
  });
});
