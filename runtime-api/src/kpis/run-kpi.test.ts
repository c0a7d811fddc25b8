import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRuntime } from "../test-runtime.js";
import { startKpiLab } from "./test-kpi-app.js";

interface Result {
  value: number | null;
  goal: number | null;
  ratio: number | null;
  series: { period: string; value: number | null; goal: number | null }[];
  groups: { key: string; value: number | null; goal: number | null }[];
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);

/** A full-year monthly series from the first months' values (the rest `rest`). */
function months(values: (number | null)[], rest: number | null): (number | null)[] {
  return MONTHS.map((_, i) => (i < values.length ? (values[i] ?? null) : rest));
}

function close(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

function closeAll(actual: (number | null)[], expected: (number | null)[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    close(a, expected[i] ?? null);
  });
}

describe("KPI results on the database (Asia/Shanghai, today 2026-11-23)", () => {
  let rt: TestRuntime;
  const get = async (path: string): Promise<Result> => {
    const res = await rt.call("GET", `/api/apps/lab/kpis/${path}`, rt.ownerToken);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Result>();
  };

  beforeAll(async () => {
    ({ rt } = await startKpiLab());
  });
  afterAll(async () => {
    await rt.close();
  });

  it("counts records per local month over the current year, with a fixed goal per month", async () => {
    const r = await get("deal_count?groupBy=_owner");
    expect(r.value).toBe(6);
    expect(r.series.map((s) => s.period)).toEqual(MONTHS);
    expect(r.series.map((s) => s.value)).toEqual(months([2, 2, 2], 0));
    expect(r.series.map((s) => s.goal)).toEqual(months([], 2));
    expect(r.goal).toBe(24);
    expect(r.ratio).toBe(0.25);
    expect(r.groups).toEqual([
      { key: "u1", value: 3, goal: null },
      { key: "u2", value: 3, goal: null },
    ]);
  });

  it("sums with a split goal shared among members", async () => {
    const r = await get("amount_sum?groupBy=_owner");
    expect(r.value).toBe(1050);
    expect(r.series.map((s) => s.value)).toEqual(months([150, 500, 400], 0));
    closeAll(
      r.series.map((s) => s.goal),
      months([], 100),
    );
    expect(r.goal).toBe(1200);
    expect(r.ratio).toBeCloseTo(0.875, 12);
    expect(r.groups).toEqual([
      { key: "u1", value: 300, goal: 900 },
      { key: "u2", value: 750, goal: 300 },
    ]);
  });

  it("averages, minimums and maximums skip missing values; empty periods are unknown", async () => {
    const avg = await get("amount_avg?groupBy=region");
    expect(avg.value).toBe(210);
    expect(avg.series.map((s) => s.value)).toEqual(months([75, 250, 400], null));
    expect(avg.groups).toEqual([
      { key: "east", value: 150, goal: null },
      { key: "west", value: 250, goal: null },
    ]);
    const min = await get("amount_min");
    expect(min.value).toBe(50);
    expect(min.series.map((s) => s.value)).toEqual(months([50, 200, 400], null));
    const max = await get("amount_max?unit=quarter");
    expect(max.value).toBe(400);
    expect(max.series).toEqual([
      { period: "2026-Q1", value: 400, goal: null },
      { period: "2026-Q2", value: null, goal: null },
      { period: "2026-Q3", value: null, goal: null },
      { period: "2026-Q4", value: null, goal: null },
    ]);
  });

  it("divides a sum of one form by a sum of another, grouped on each side's own field", async () => {
    const r = await get("win_ratio?groupBy=_owner");
    close(r.value, 350 / 1270);
    closeAll(
      r.series.map((s) => s.value),
      months([150 / 900, 200 / 300, null, 0], null),
    );
    expect(r.goal).toBe(0.5);
    close(r.ratio, 350 / 1270 / 0.5);
    expect(r.groups.map((g) => g.key)).toEqual(["u1", "u2"]);
    closeAll(
      r.groups.map((g) => g.value),
      [300 / 900, 50 / 370],
    );
    expect(r.groups.map((g) => g.goal)).toEqual([0.5, 0.5]);
  });

  it("measures durations: median days to a stage entry, average hours from a date to a date-time", async () => {
    const cycle = await get("cycle_days");
    expect(cycle.value).toBe(3);
    closeAll(
      cycle.series.map((s) => s.value),
      months([4, 2.5], null),
    );
    const hours = await get("sign_hours");
    close(hours.value, 12);
    closeAll(
      hours.series.map((s) => s.value),
      months([10, 14], null),
    );
  });

  it("converts between stages from the stage log, counting each record once", async () => {
    const r = await get("proposal_conversion?groupBy=_owner");
    close(r.value, 0.6);
    closeAll(
      r.series.map((s) => s.value),
      months([1, 0.5, 0], null),
    );
    expect(r.groups.map((g) => g.key)).toEqual(["u1", "u2"]);
    closeAll(
      r.groups.map((g) => g.value),
      [1, 1 / 3],
    );
  });

  it("measures time in a stage over finished stints, by the month they ended", async () => {
    const avg = await get("proposal_days");
    close(avg.value, 1.9);
    closeAll(
      avg.series.map((s) => s.value),
      months([2, 2.25, 1], null),
    );
    const median = await get("proposal_days_median");
    close(median.value, 1);
    closeAll(
      median.series.map((s) => s.value),
      months([2, 2.25, 1], null),
    );
  });

  it("prorates goal rows over the days they span, clipped to the range", async () => {
    const r = await get("amount_vs_target?groupBy=_owner");
    expect(r.value).toBe(1050);
    closeAll(
      r.series.map((s) => s.goal),
      months([400, 420, 470, 70], null),
    );
    close(r.goal, 1360);
    close(r.ratio, 1050 / 1360);
    expect(r.groups.map((g) => g.key)).toEqual(["u1", "u2"]);
    closeAll(
      r.groups.map((g) => g.goal),
      [990, 370],
    );
    const quarters = await get("amount_vs_target?unit=quarter");
    closeAll(
      quarters.series.map((s) => s.goal),
      [1290, 70, null, null],
    );
    const february = await get("amount_vs_target?from=2026-02-01&to=2026-03-01");
    expect(february.value).toBe(500);
    close(february.goal, 420);
    expect(february.series).toHaveLength(1);
    expect(february.series[0]?.period).toBe("2026-02");
    close(february.series[0]?.goal ?? null, 420);
  });

  it("reads days and ISO weeks in the app's time zone and clips partial periods", async () => {
    const days = await get("deal_count?from=2026-01-31&to=2026-02-02&unit=day");
    expect(days.series).toEqual([
      { period: "2026-01-31", value: 0, goal: 2 * (1 / 31) },
      { period: "2026-02-01", value: 1, goal: 2 * (1 / 28) },
    ]);
    const weeks = await get("deal_count?from=2025-12-29&to=2026-01-12&unit=week");
    // ISO week 2026-W01 starts on Monday 2025-12-29: d6 (Dec 31 local) and d7 (Jan 1 local).
    expect(weeks.series.map((s) => [s.period, s.value])).toEqual([
      ["2026-W01", 2],
      ["2026-W02", 1],
    ]);
    expect(weeks.value).toBe(3);
  });

  it("defaults to the current year in the app's time zone", async () => {
    // 20:00 UTC on Dec 31 is already Jan 1 in Shanghai.
    rt.clock.set("2025-12-31T20:00:00Z");
    try {
      const r = await get("deal_count");
      expect(r.series[0]?.period).toBe("2026-01");
      expect(r.series).toHaveLength(12);
    } finally {
      rt.clock.set("2026-11-23T09:00:00Z");
    }
  });

  it("answers zero and unknown for a range without rows", async () => {
    const r = await get("amount_sum?from=2030-01-01&to=2030-03-01&groupBy=_owner");
    expect(r.value).toBe(0);
    expect(r.series.map((s) => s.value)).toEqual([0, 0]);
    expect(r.goal).toBeNull();
    expect(r.groups.map((g) => g.key)).toEqual(["u1", "u2"]);
    const avg = await get("amount_avg?from=2030-01-01&to=2030-02-01");
    expect(avg.value).toBeNull();
    expect(avg.series).toEqual([{ period: "2030-01", value: null, goal: null }]);
  });
});
