import type { Kpi } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { assembleKpiResult } from "./assemble.js";
import { compileKpi } from "./compile-kpi.js";
import { KpiError } from "./kpi-error.js";
import type { AggregateRow } from "./kpi-spec.js";
import { K1, K1_REVENUE, K4, K5, K9, salesPlan } from "./test-sales-plan.js";

const app = salesPlan();
const p = (period: string, value: number | null): AggregateRow => ({ period, group: null, value });
const g = (group: string, value: number | null): AggregateRow => ({ period: null, group, value });
const all = (value: number | null, count = 1): AggregateRow => ({ period: null, group: null, value, count });
const q1 = { from: "2026-01-01", to: "2026-04-01", unit: "month" as const };

describe("assembleKpiResult", () => {
  it("K1: contracts ÷ goal rows by month and by person, against a 100 % goal", () => {
    const result = assembleKpiResult(
      compileKpi(K1, app),
      {
        numerator: [p("2026-01", 80), p("2026-03", 150), g("ann", 180), g("bo", 50), all(230)],
        denominator: [
          p("2026-01", 100),
          p("2026-02", 100),
          p("2026-03", 100),
          g("ann", 200),
          g("bo", 100),
          all(300),
        ],
      },
      { ...q1, groupBy: "owner" },
    );
    expect(result.value).toBeCloseTo(230 / 300, 12);
    expect(result.goal).toBe(1);
    expect(result.ratio).toBeCloseTo(230 / 300, 12);
    expect(result.series).toEqual([
      { period: "2026-01", value: 0.8, goal: 1 },
      { period: "2026-02", value: 0, goal: 1 },
      { period: "2026-03", value: 1.5, goal: 1 },
    ]);
    expect(result.groups).toEqual([
      { key: "ann", value: 0.9, goal: 1 },
      { key: "bo", value: 0.5, goal: 1 },
    ]);
  });

  it("K1 as revenue against goal rows: missing months are 0, their goal unknown", () => {
    const result = assembleKpiResult(
      compileKpi(K1_REVENUE, app),
      {
        value: [p("2026-01", 80), p("2026-03", 150), g("ann", 230), all(230)],
        goal: [p("2026-01", 100), p("2026-03", 100), g("ann", 150), g("cy", 50), all(200)],
      },
      { ...q1, groupBy: "owner" },
    );
    expect(result).toEqual({
      value: 230,
      goal: 200,
      ratio: 1.15,
      series: [
        { period: "2026-01", value: 80, goal: 100 },
        { period: "2026-02", value: 0, goal: null },
        { period: "2026-03", value: 150, goal: 100 },
      ],
      groups: [
        { key: "ann", value: 230, goal: 150 },
        { key: "cy", value: 0, goal: 50 },
      ],
    });
  });

  it("averages: the total is the overall row, missing periods are null, lower-is-better still value ÷ goal", () => {
    const kpi: Kpi = { ...K5, goal: { type: "fixed", value: 40 } };
    const result = assembleKpiResult(
      compileKpi(kpi, app),
      { value: [p("2026-01", 30), p("2026-03", 60), g("ann", 30), g("", 60), all(50, 3)] },
      { ...q1, groupBy: "_owner" },
    );
    expect(result.value).toBe(50);
    expect(result.ratio).toBe(1.25);
    expect(result.series.map((s) => s.value)).toEqual([30, null, 60]);
    expect(result.groups).toEqual([
      { key: "", value: 60, goal: 40 },
      { key: "ann", value: 30, goal: 40 },
    ]);
  });

  it("conversion: entered ÷ base, null where nothing entered the first stage", () => {
    const result = assembleKpiResult(
      compileKpi(K4, app),
      { base: [p("2026-01", 4), p("2026-02", 0), all(4)], entered: [p("2026-01", 1), all(1)] },
      q1,
    );
    expect(result).toEqual({
      value: 0.25,
      goal: null,
      ratio: null,
      series: [
        { period: "2026-01", value: 0.25, goal: null },
        { period: "2026-02", value: null, goal: null },
        { period: "2026-03", value: null, goal: null },
      ],
      groups: [],
    });
  });

  it("split goals: per period, per member on the first dimension, members without values listed", () => {
    const kpi: Kpi = {
      ...K9,
      groupBy: ["_owner", "follow_type"],
      goal: {
        type: "split",
        year: 2026,
        total: 1200,
        mode: "weights",
        members: [
          { key: "ann", value: 3 },
          { key: "bo", value: 1 },
        ],
      },
    };
    const spec = compileKpi(kpi, app);
    const rows = { value: [p("2026-01", 90), g("ann", 90), all(90)] };
    const result = assembleKpiResult(spec, rows, { ...q1, groupBy: "_owner" });
    expect(result.goal).toBeCloseTo(300, 9);
    expect(result.ratio).toBeCloseTo(0.3, 9);
    for (const s of result.series) expect(s.goal).toBeCloseTo(100, 9);
    expect(result.groups).toEqual([
      { key: "ann", value: 90, goal: expect.closeTo(225, 9) },
      { key: "bo", value: 0, goal: expect.closeTo(75, 9) },
    ]);
    const byType = assembleKpiResult(
      spec,
      { value: [g("visit", 90), all(90)] },
      { ...q1, groupBy: "follow_type" },
    );
    expect(byType.groups).toEqual([{ key: "visit", value: 90, goal: null }]);
  });

  it("a split goal without members has no group goals", () => {
    const kpi: Kpi = { ...K9, goal: { type: "split", year: 2026, total: 1200, mode: "amounts" } };
    const result = assembleKpiResult(
      compileKpi(kpi, app),
      { value: [g("ann", 5), all(5)] },
      { ...q1, groupBy: "_owner" },
    );
    expect(result.goal).toBe(300);
    expect(result.groups).toEqual([{ key: "ann", value: 5, goal: null }]);
  });

  it("fixed goals of totals are not split among groups; partial periods get clipped goals", () => {
    const kpi: Kpi = { ...K9, goal: { type: "fixed", value: 31, per: "month" } };
    const result = assembleKpiResult(
      compileKpi(kpi, app),
      { value: [g("ann", 5), all(5)] },
      { from: "2026-01-16", to: "2026-03-01", unit: "month", groupBy: "_owner" },
    );
    expect(result.series).toEqual([
      { period: "2026-01", value: 0, goal: 16 },
      { period: "2026-02", value: 0, goal: 31 },
    ]);
    expect(result.goal).toBeCloseTo(47, 9);
    expect(result.groups).toEqual([{ key: "ann", value: 5, goal: null }]);
  });

  it("no rows at all: count is 0, ratio of a zero goal is null", () => {
    const kpi: Kpi = { ...K9, goal: { type: "fixed", value: 0 } };
    const result = assembleKpiResult(
      compileKpi(kpi, app),
      {},
      { from: "2026-11-23", to: "2026-11-25", unit: "day" },
    );
    expect(result).toEqual({
      value: 0,
      goal: 0,
      ratio: null,
      series: [
        { period: "2026-11-23", value: 0, goal: 0 },
        { period: "2026-11-24", value: 0, goal: 0 },
      ],
      groups: [],
    });
  });

  it("refuses a dimension the KPI does not have", () => {
    const spec = compileKpi(K5, app);
    expect(() => assembleKpiResult(spec, {}, { ...q1, groupBy: "region" })).toThrow(KpiError);
    expect(() => assembleKpiResult(spec, {}, { ...q1, groupBy: "__proto__" })).toThrow(
      /KPI_UNKNOWN_DIMENSION/,
    );
  });

  it("ignores rows for aliases the spec does not have", () => {
    const spec = compileKpi({ ...K5, groupBy: [] }, app);
    const rows = Object.assign(Object.create(null) as Record<string, AggregateRow[]>, { other: [all(1)] });
    expect(assembleKpiResult(spec, rows, { ...q1, unit: "quarter" }).series).toEqual([
      { period: "2026-Q1", value: null, goal: null },
    ]);
  });
});
