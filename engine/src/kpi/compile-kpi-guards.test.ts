import type { AppDefinition, Measure } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import type { KpiError } from "./kpi-error.js";
import { app, compile, data, expectKpiError, log, part, sys } from "./test-compile.js";

describe("durations", () => {
  it("between created and closed, a date field and a stage entry", () => {
    const value = part({
      measure: {
        type: "duration",
        from: { type: "created" },
        to: { type: "closed" },
        statistic: "median",
        unit: "days",
      },
    }).value;
    expect(value).toEqual({
      kind: "duration",
      from: { kind: "field", field: sys("created_at") },
      to: { kind: "field", field: sys("closed_at") },
      unit: "days",
    });
    const spec = compile({
      measure: {
        type: "duration",
        from: { type: "stage_entered", stage: "needs_confirmed" },
        to: { type: "field", field: "expected_close_date" },
        statistic: "max",
        unit: "hours",
      },
      periodField: "_closed_at",
    });
    expect(spec.parts[0]).toMatchObject({
      fn: "max",
      source: { kind: "records", formId: "deal" },
      value: {
        from: { kind: "stage_entered", stage: "needs_confirmed" },
        to: { kind: "field", field: data("expected_close_date", "date") },
        unit: "hours",
      },
      periodField: sys("closed_at"),
    });
    expect(spec).toMatchObject({ format: "number", better: "lower", additive: false });
  });

  it("refuses stage moments without a pipeline or with an unknown stage, and non-date fields", () => {
    const moment = (to: Measure) => () => compile({ form: "follow_up", measure: to });
    const duration = (to: object): Measure =>
      ({ type: "duration", from: { type: "created" }, to, statistic: "avg", unit: "days" }) as Measure;
    expectKpiError(
      moment(duration({ type: "stage_entered", stage: "won" })),
      "KPI_NO_PIPELINE",
      "/measure/to/stage",
    );
    expectKpiError(
      () => compile({ measure: duration({ type: "stage_entered", stage: "nope" }) }),
      "KPI_UNKNOWN_STAGE",
    );
    expectKpiError(
      () => compile({ measure: duration({ type: "field", field: "amount" }) }),
      "KPI_FIELD_NOT_TEMPORAL",
      "/measure/to/field",
    );
  });
});

describe("stage-log measures", () => {
  it("time in one stage: finished stints, by the log's stage, in the KPI's period field", () => {
    const spec = compile({
      measure: { type: "time_in_stage", stage: "solution", statistic: "avg", unit: "days" },
      filter: [{ field: "_stage", op: "in", value: ["won", "lost"] }],
      groupBy: ["_stage"],
    });
    expect(spec.parts[0]).toEqual({
      alias: "value",
      source: { kind: "stage_log", formId: "deal" },
      fn: "avg",
      value: {
        kind: "duration",
        from: { kind: "field", field: log("entered_at") },
        to: { kind: "field", field: log("exited_at") },
        unit: "days",
      },
      filter: [
        { field: log("stage"), op: "eq", value: "solution" },
        { field: log("exited_at"), op: "is_set" },
        { field: log("stage"), op: "in", value: ["won", "lost"] },
      ],
      periodField: log("exited_at"),
      groupFields: [{ dimension: "_stage", field: log("stage") }],
    });
    expect(spec).toMatchObject({ format: "days", better: "lower" });
  });

  it("time in any stage, in hours, periods by record creation", () => {
    const spec = compile({
      measure: { type: "time_in_stage", statistic: "median", unit: "hours" },
      periodField: "_created_at",
    });
    expect(spec.parts[0]?.filter).toEqual([{ field: log("exited_at"), op: "is_set" }]);
    expect(spec.parts[0]?.periodField).toEqual(sys("created_at"));
    expect(spec.format).toBe("number");
  });

  it("needs a pipeline and known stages", () => {
    expectKpiError(
      () => compile({ form: "follow_up", measure: { type: "stage_conversion", from: "a", to: "b" } }),
      "KPI_NO_PIPELINE",
      "/measure",
    );
    expectKpiError(
      () =>
        compile({ form: "follow_up", measure: { type: "time_in_stage", statistic: "avg", unit: "days" } }),
      "KPI_NO_PIPELINE",
    );
    expectKpiError(
      () => compile({ measure: { type: "stage_conversion", from: "nope", to: "won" } }),
      "KPI_UNKNOWN_STAGE",
      "/measure/from",
    );
    expectKpiError(
      () => compile({ measure: { type: "stage_conversion", from: "won", to: "nope" } }),
      "KPI_UNKNOWN_STAGE",
      "/measure/to",
    );
    expectKpiError(
      () => compile({ measure: { type: "time_in_stage", stage: "nope", statistic: "avg", unit: "days" } }),
      "KPI_UNKNOWN_STAGE",
      "/measure/stage",
    );
  });
});

describe("goals", () => {
  it("records goals without an end date count wholly in their start's period", () => {
    const spec = compile({
      form: "follow_up",
      groupBy: ["_owner", "status"],
      goal: { type: "records", form: "goal_breakdown", field: "target_visits", from: "period_start" },
    });
    const goal = spec.parts[1];
    expect(goal?.periodEndField).toBeUndefined();
    expect(goal?.filter).toEqual([]);
    // `_owner` is read on the goal rows; goal rows have no `status`, so status groups have no goal.
    expect(goal?.groupFields).toEqual([{ dimension: "_owner", field: sys("owner_id") }]);
  });

  it("fixed and split goals without dimensions", () => {
    expect(compile({ goal: { type: "fixed", value: 5, per: "month" } }).goal).toEqual({
      kind: "value",
      goal: { type: "fixed", value: 5, per: "month" },
    });
  });

  it("checks the goal form and its fields", () => {
    const goal = {
      type: "records",
      form: "goal_breakdown",
      field: "target_amount",
      from: "period_start",
    } as const;
    expectKpiError(() => compile({ goal: { ...goal, form: "nope" } }), "KPI_UNKNOWN_FORM", "/goal/form");
    expectKpiError(
      () => compile({ goal: { ...goal, field: "level" } }),
      "KPI_FIELD_NOT_NUMERIC",
      "/goal/field",
    );
    expectKpiError(
      () => compile({ goal: { ...goal, from: "level" } }),
      "KPI_FIELD_NOT_TEMPORAL",
      "/goal/from",
    );
    expectKpiError(() => compile({ goal: { ...goal, to: "nope" } }), "KPI_UNKNOWN_FIELD", "/goal/to");
    expectKpiError(
      () => compile({ groupBy: ["_owner"], goal: { ...goal, groupField: "nope" } }),
      "KPI_UNKNOWN_FIELD",
      "/goal/groupField",
    );
    expectKpiError(
      () => compile({ goal: { ...goal, filter: [{ field: "nope", op: "is_set" }] } }),
      "KPI_UNKNOWN_FIELD",
      "/goal/filter/0/field",
    );
  });
});

describe("bug guards", () => {
  it("unknown forms and fields", () => {
    expectKpiError(() => compile({ form: "nope" }), "KPI_UNKNOWN_FORM", "/form");
    const ratio = (form: string): Measure => ({
      type: "ratio",
      numerator: { measure: { type: "count" } },
      denominator: { form, measure: { type: "count" } },
    });
    expectKpiError(
      () => compile({ measure: ratio("nope") }),
      "KPI_UNKNOWN_FORM",
      "/measure/denominator/form",
    );
    expectKpiError(
      () => compile({ measure: { type: "sum", field: "nope" } }),
      "KPI_UNKNOWN_FIELD",
      "/measure/field",
    );
    expectKpiError(() => compile({ groupBy: ["nope"] }), "KPI_UNKNOWN_FIELD", "/groupBy/0");
    expectKpiError(() => compile({ periodField: "nope" }), "KPI_UNKNOWN_FIELD", "/periodField");
    expectKpiError(
      () => compile({ filter: [{ field: "nope", op: "is_set" }] }),
      "KPI_UNKNOWN_FIELD",
      "/filter/0/field",
    );
    const error = (() => {
      try {
        compile({ periodField: "nope" });
      } catch (e) {
        return e as KpiError;
      }
    })();
    expect(error?.kpiId).toBe("k");
    expect(error?.message).toContain('form "deal" has no field "nope"');
  });

  it("field kinds that do not fit their use", () => {
    expectKpiError(
      () => compile({ form: "follow_up", filter: [{ field: "notes_section", op: "is_set" }] }),
      "KPI_FIELD_NO_VALUE",
    );
    expectKpiError(() => compile({ measure: { type: "sum", field: "deal_name" } }), "KPI_FIELD_NOT_NUMERIC");
    expectKpiError(
      () => compile({ measure: { type: "sum", field: "_created_at" } }),
      "KPI_FIELD_NOT_NUMERIC",
    );
    expectKpiError(() => compile({ periodField: "_owner" }), "KPI_FIELD_NOT_TEMPORAL", "/periodField");
    expectKpiError(() => compile({ periodField: "amount" }), "KPI_FIELD_NOT_TEMPORAL");
    expectKpiError(() => compile({ groupBy: ["tags"] }), "KPI_FIELD_NOT_GROUPABLE", "/groupBy/0");
    expectKpiError(() => compile({ form: "follow_up", groupBy: ["site"] }), "KPI_FIELD_NOT_GROUPABLE");
    expectKpiError(
      () => compile({ form: "follow_up", groupBy: ["collaborators"] }),
      "KPI_FIELD_NOT_GROUPABLE",
    );
    const widget: AppDefinition = {
      ...app,
      dashboards: [
        {
          id: "d",
          name: { zh: "d", en: "d" },
          widgets: [{ id: "w", type: "leaderboard", kpi: "k", groupBy: "tags" }],
        },
      ],
    };
    expectKpiError(() => compile({}, widget), "KPI_FIELD_NOT_GROUPABLE", "");
  });

  it("filter values: literals only, shaped for their operator, known stages", () => {
    const filter = (condition: object) => () => compile({ filter: [condition as never] });
    expectKpiError(
      filter({ field: "owner", op: "eq", value: { this: "owner" } }),
      "KPI_FILTER_NOT_LITERAL",
      "/filter/0/value",
    );
    expectKpiError(
      filter({ field: "expected_close_date", op: "in", value: [{ today: true }] }),
      "KPI_FILTER_NOT_LITERAL",
    );
    expectKpiError(
      filter({ field: "owner", op: "is_set", value: "x" }),
      "KPI_FILTER_VALUE_SHAPE",
      "/filter/0/value",
    );
    expectKpiError(filter({ field: "owner", op: "in", value: "x" }), "KPI_FILTER_VALUE_SHAPE");
    expectKpiError(filter({ field: "amount", op: "between", value: [1, 2, 3] }), "KPI_FILTER_VALUE_SHAPE");
    expectKpiError(filter({ field: "owner", op: "eq", value: ["x"] }), "KPI_FILTER_VALUE_SHAPE");
    expectKpiError(filter({ field: "owner", op: "eq" }), "KPI_FILTER_VALUE_SHAPE");
    expectKpiError(
      filter({ field: "last_activity_at", op: "within_last_days", value: "7" }),
      "KPI_FILTER_VALUE_SHAPE",
    );
    expectKpiError(
      filter({ field: "_stage", op: "not_in", value: ["won", "nope"] }),
      "KPI_UNKNOWN_STAGE",
      "/filter/0/value",
    );
    expect(part({ filter: [{ field: "_stage", op: "ne", value: null }] }).filter).toEqual([
      { field: sys("stage"), op: "ne", value: null },
    ]);
    expect(part({ filter: [{ field: "_stage", op: "not_set" }] }).filter).toEqual([
      { field: sys("stage"), op: "not_set" },
    ]);
  });
});
