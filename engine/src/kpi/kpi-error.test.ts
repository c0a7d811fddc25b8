import { describe, expect, it } from "vitest";
import { KPI_ERROR_CODES, KpiError, type KpiErrorCode } from "./kpi-error.js";

describe("KpiError", () => {
  it("every code has a one-line description", () => {
    for (const [code, text] of Object.entries(KPI_ERROR_CODES)) {
      expect(code).toMatch(/^KPI_[A-Z_]+$/);
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toContain("\n");
    }
  });

  it("names the code, the KPI and the place", () => {
    const error = new KpiError("KPI_UNKNOWN_FIELD", 'no field "x"', { kpiId: "k1", path: "/filter/0/field" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("KpiError");
    expect(error.message).toBe('no field "x" (KPI_UNKNOWN_FIELD in KPI "k1" at /filter/0/field)');
    expect(new KpiError("KPI_UNKNOWN_FIELD", "x", { kpiId: "k1" }).message).toBe(
      'x (KPI_UNKNOWN_FIELD in KPI "k1")',
    );
    const bare = new KpiError("KPI_BAD_DATE" satisfies KpiErrorCode, "bad");
    expect(bare.message).toBe("bad (KPI_BAD_DATE)");
    expect(bare.kpiId).toBeUndefined();
    expect(bare.path).toBe("");
  });
});
