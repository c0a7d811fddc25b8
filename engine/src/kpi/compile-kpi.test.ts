import { AppDefinitionSchema, ajv, type AppDefinition, type Measure } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { compileKpi } from "./compile-kpi.js";
import { app, base, compile, data, expectKpiError, log, sys } from "./test-compile.js";
import { K1, K1_REVENUE, K3, K4, K5, K6, K7, K9 } from "./test-sales-plan.js";

describe("the fixture", () => {
  it("is a valid app definition", () => {
    const validate = ajv.compile(AppDefinitionSchema);
    expect(validate(app), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe("flagship KPIs", () => {
  it("K1: signed contract totals ÷ person goal rows, by month and by person", () => {
    const spec = compileKpi(K1, app);
    expect(spec).toEqual({
      kpiId: "goal_achievement_rate",
      formId: "quote_contract",
      timeZone: "Asia/Shanghai",
      parts: [
        {
          alias: "numerator",
          source: { kind: "records", formId: "quote_contract" },
          fn: "sum",
          value: data("total_amount", "number"),
          filter: [{ field: sys("stage"), op: "eq", value: "signed" }],
          periodField: data("sign_date", "date"),
          groupFields: [{ dimension: "owner", field: data("owner", "text") }],
        },
        {
          alias: "denominator",
          source: { kind: "records", formId: "goal_breakdown" },
          fn: "sum",
          value: data("target_amount", "number"),
          filter: [{ field: data("level", "text"), op: "eq", value: "person" }],
          periodField: data("period_start", "date"),
          groupFields: [{ dimension: "owner", field: data("assignee", "text") }],
        },
      ],
      combine: { kind: "ratio", numerator: "numerator", denominator: "denominator" },
      dimensions: ["owner"],
      goal: { kind: "value", goal: { type: "fixed", value: 1 }, dimension: "owner" },
      additive: false,
      format: "percent",
      better: "higher",
    });
  });

  it("K1 as signed revenue against goal rows prorated over their period", () => {
    const spec = compileKpi(K1_REVENUE, app);
    expect(spec.combine).toEqual({ kind: "single", part: "value" });
    expect(spec.additive).toBe(true);
    expect(spec.format).toBe("money");
    expect(spec.goal).toEqual({ kind: "records", part: "goal" });
    expect(spec.parts.map((p) => p.alias)).toEqual(["value", "goal"]);
    expect(spec.parts[1]).toEqual({
      alias: "goal",
      source: { kind: "records", formId: "goal_breakdown" },
      fn: "sum",
      value: data("target_amount", "number"),
      filter: [{ field: data("level", "text"), op: "eq", value: "person" }],
      periodField: data("period_start", "date"),
      periodEndField: data("period_end", "date"),
      groupFields: [{ dimension: "owner", field: data("assignee", "text") }],
    });
  });

  it("K3: converted leads ÷ all leads by source, both counted by creation", () => {
    const spec = compileKpi(K3, app);
    const [numerator, denominator] = spec.parts;
    expect(numerator).toMatchObject({
      fn: "count",
      filter: [{ field: sys("stage"), op: "eq", value: "converted" }],
      periodField: sys("created_at"),
      groupFields: [{ dimension: "source", field: data("source", "text") }],
    });
    expect(numerator?.value).toBeUndefined();
    expect(denominator).toMatchObject({ fn: "count", filter: [], periodField: sys("created_at") });
    expect(spec.format).toBe("percent");
    expect(spec.goal).toBeUndefined();
  });

  it("K4: stage conversion from the stage log, by owner and by the bar widget's deal type", () => {
    const spec = compileKpi(K4, app);
    expect(spec.dimensions).toEqual(["_owner", "deal_type"]);
    const groupFields = [
      { dimension: "_owner", field: sys("owner_id") },
      { dimension: "deal_type", field: data("deal_type", "text") },
    ];
    const filter = [{ field: log("stage"), op: "eq", value: "needs_confirmed" }];
    expect(spec.parts).toEqual([
      {
        alias: "base",
        source: { kind: "stage_log", formId: "deal" },
        fn: "count",
        filter,
        periodField: log("entered_at"),
        groupFields,
      },
      {
        alias: "entered",
        source: { kind: "stage_log", formId: "deal", thenEntered: "solution" },
        fn: "count",
        filter,
        periodField: log("entered_at"),
        groupFields,
      },
    ]);
    expect(spec.combine).toEqual({ kind: "conversion", entered: "entered", base: "base" });
    expect(spec).toMatchObject({ additive: false, format: "percent", better: "higher" });
  });

  it("K5: average cycle days of won deals by month closed, the leaderboard adds no new dimension", () => {
    const spec = compileKpi(K5, app);
    expect(spec.dimensions).toEqual(["_owner"]);
    expect(spec.parts[0]).toEqual({
      alias: "value",
      source: { kind: "records", formId: "deal" },
      fn: "avg",
      value: data("cycle_days", "number"),
      filter: [{ field: sys("stage"), op: "eq", value: "won" }],
      periodField: sys("closed_at"),
      groupFields: [{ dimension: "_owner", field: sys("owner_id") }],
    });
    expect(spec).toMatchObject({ additive: false, format: "days", better: "lower" });
  });

  it("K6, K7, K9", () => {
    expect(compileKpi(K6, app).parts[0]).toMatchObject({
      fn: "avg",
      periodField: data("follow_at", "datetime"),
    });
    const k7 = compileKpi(K7, app);
    expect(k7.parts.map((p) => p.periodField)).toEqual([data("sign_date", "date"), data("end_date", "date")]);
    expect(k7.parts[0]?.filter).toHaveLength(2);
    const k9 = compileKpi(K9, app);
    expect(k9.goal).toEqual({ kind: "value", goal: K9.goal, dimension: "_owner" });
    expect(k9.additive).toBe(true);
  });
});

describe("simple measures", () => {
  const cases: [Measure, string, boolean, string][] = [
    [{ type: "count" }, "count", true, "number"],
    [{ type: "sum", field: "amount" }, "sum", true, "money"],
    [{ type: "avg", field: "cycle_days" }, "avg", false, "number"],
    [{ type: "min", field: "amount" }, "min", false, "money"],
    [{ type: "max", field: "amount" }, "max", false, "money"],
  ];
  it.each(cases)("%o → fn %s", (measure, fn, additive, format) => {
    const spec = compile({ measure });
    expect(spec.parts).toHaveLength(1);
    expect(spec.parts[0]?.fn).toBe(fn);
    expect(spec.parts[0]?.periodField).toEqual(sys("created_at"));
    expect(spec.parts[0]?.groupFields).toEqual([]);
    expect(spec).toMatchObject({ additive, format, better: "higher", dimensions: [] });
  });

  it("reads percent fields as percent, and every filter operator shape", () => {
    const spec = compileKpi(
      base({
        form: "follow_up",
        measure: { type: "avg", field: "share" },
        filter: [
          { field: "status", op: "in", value: ["done", "planned"] },
          { field: "satisfaction_score", op: "between", value: [3, 5] },
          { field: "content", op: "is_set" },
          { field: "follow_at", op: "within_last_days", value: 30 },
          { field: "collaborators", op: "contains", value: "u1" },
          { field: "_id", op: "ne", value: "r1" },
        ],
        periodField: "follow_at",
        groupBy: ["status", "_owner", "rating"],
      }),
      app,
    );
    expect(spec.format).toBe("percent");
    expect(spec.parts[0]?.filter).toEqual([
      { field: data("status", "text"), op: "in", value: ["done", "planned"] },
      { field: data("satisfaction_score", "number"), op: "between", value: [3, 5] },
      { field: data("content", "text"), op: "is_set" },
      { field: data("follow_at", "datetime"), op: "within_last_days", value: 30 },
      { field: data("collaborators", "array"), op: "contains", value: "u1" },
      { field: sys("id"), op: "ne", value: "r1" },
    ]);
    expect(spec.parts[0]?.groupFields.map((g) => g.field)).toEqual([
      data("status", "text"),
      sys("owner_id"),
      data("rating", "number"),
    ]);
  });

  it("without dashboards the dimensions are the KPI's own", () => {
    const bare: AppDefinition = { ...app };
    delete bare.dashboards;
    expect(compileKpi(K4, bare).dimensions).toEqual(["_owner"]);
  });

  it("honours the KPI's format and better, and the app's default time zone", () => {
    const plain: AppDefinition = { ...app, settings: {} };
    const spec = compile(
      { measure: { type: "sum", field: "amount" }, format: "number", better: "lower" },
      plain,
    );
    expect(spec).toMatchObject({ format: "number", better: "lower", timeZone: "UTC" });
  });
});

describe("ratio", () => {
  it("applies the KPI filter and period only to parts on the KPI's form", () => {
    const spec = compile({
      form: "deal",
      filter: [{ field: "deal_type", op: "eq", value: "new" }],
      periodField: "expected_close_date",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "amount" } },
        denominator: { form: "goal_breakdown", measure: { type: "sum", field: "target_amount" } },
      },
    });
    expect(spec.parts[0]).toMatchObject({
      filter: [{ field: data("deal_type", "text"), op: "eq", value: "new" }],
      periodField: data("expected_close_date", "date"),
    });
    expect(spec.parts[1]).toMatchObject({ filter: [], periodField: sys("created_at") });
  });

  it("maps the first dimension through each part's groupField and reads the others by id", () => {
    const spec = compile({
      form: "quote_contract",
      groupBy: ["owner", "_owner"],
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" } },
        denominator: { form: "goal_breakdown", measure: { type: "count" }, groupField: "assignee" },
      },
    });
    expect(spec.parts.map((p) => p.groupFields)).toEqual([
      [
        { dimension: "owner", field: data("owner", "text") },
        { dimension: "_owner", field: sys("owner_id") },
      ],
      [
        { dimension: "owner", field: data("assignee", "text") },
        { dimension: "_owner", field: sys("owner_id") },
      ],
    ]);
  });

  it("throws when a part cannot read a dimension", () => {
    const measure: Measure = {
      type: "ratio",
      numerator: { measure: { type: "count" } },
      denominator: { form: "goal_breakdown", measure: { type: "count" }, groupField: "assignee" },
    };
    expectKpiError(
      () => compile({ form: "quote_contract", groupBy: ["owner", "contract_type"], measure }),
      "KPI_UNKNOWN_FIELD",
      "/groupBy/1",
    );
  });
});
