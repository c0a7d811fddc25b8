import { describe, expect, it } from "vitest";
import { HttpProblem } from "../problem.js";
import { parseKpiQuery } from "./kpi-query.js";

const rules = { timeZone: "Asia/Shanghai", today: "2026-11-23", dimensions: ["_owner", "region"] };

function problemOf(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (err) {
    if (err instanceof HttpProblem) return err;
    throw err;
  }
  throw new Error("expected a problem");
}

describe("parseKpiQuery", () => {
  it("defaults to the current calendar year and months", () => {
    expect(parseKpiQuery({}, rules)).toEqual({ from: "2026-01-01", to: "2027-01-01", unit: "month" });
    expect(parseKpiQuery({ from: "", to: "", unit: "", groupBy: "" }, rules)).toEqual({
      from: "2026-01-01",
      to: "2027-01-01",
      unit: "month",
    });
    expect(parseKpiQuery({}, { ...rules, defaultUnit: "week" }).unit).toBe("week");
  });

  it("completes a half-given range to that bound's calendar year (to is exclusive)", () => {
    expect(parseKpiQuery({ from: "2024-05-10" }, rules)).toMatchObject({
      from: "2024-05-10",
      to: "2025-01-01",
    });
    expect(parseKpiQuery({ to: "2025-01-01" }, rules)).toMatchObject({
      from: "2024-01-01",
      to: "2025-01-01",
    });
    expect(parseKpiQuery({ to: "2025-03-01" }, rules)).toMatchObject({
      from: "2025-01-01",
      to: "2025-03-01",
    });
  });

  it("takes a unit and a known dimension", () => {
    expect(
      parseKpiQuery({ from: "2026-01-01", to: "2026-02-01", unit: "day", groupBy: "region" }, rules),
    ).toEqual({
      from: "2026-01-01",
      to: "2026-02-01",
      unit: "day",
      groupBy: "region",
    });
  });

  it("reports every bad parameter at once under /query", () => {
    const problem = problemOf(() =>
      parseKpiQuery(
        { from: "2026-02-29", to: ["2026-01-01", "2026-02-01"], unit: "fortnight", groupBy: "tier" },
        rules,
      ),
    );
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => [e.path, e.code])).toEqual([
      ["/query/from", "format"],
      ["/query/to", "format"],
      ["/query/unit", "enum"],
      ["/query/groupBy", "enum"],
    ]);
  });

  it("refuses empty or backwards ranges, ranges of too many periods, and grouping without dimensions", () => {
    expect(
      problemOf(() => parseKpiQuery({ from: "2026-03-01", to: "2026-02-01" }, rules)).errors,
    ).toMatchObject([{ path: "/query/to", code: "range" }]);
    expect(
      problemOf(() => parseKpiQuery({ from: "1990-01-01", to: "2026-01-01", unit: "day" }, rules)).errors,
    ).toMatchObject([{ path: "/query/to", code: "range", params: { limit: 3660 } }]);
    expect(
      problemOf(() => parseKpiQuery({ groupBy: "_owner" }, { ...rules, dimensions: [] })).errors,
    ).toMatchObject([{ path: "/query/groupBy", message: "this KPI cannot be grouped" }]);
  });
});
