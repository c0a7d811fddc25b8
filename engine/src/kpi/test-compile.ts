// Test helpers: compile KPIs of the sales-plan fixture and check thrown KpiErrors.
import type { AppDefinition, Kpi } from "@stagecraft/schemas";
import { expect } from "vitest";
import { compileKpi } from "./compile-kpi.js";
import { KpiError, type KpiErrorCode } from "./kpi-error.js";
import type { AggregatePart, FieldRef } from "./kpi-spec.js";
import { salesPlan } from "./test-sales-plan.js";

export const app = salesPlan();
export const sys = (column: string) => ({ kind: "system", column }) as FieldRef;
export const data = (key: string, valueType: string) => ({ kind: "data", key, valueType }) as FieldRef;
export const log = (column: string) => ({ kind: "log", column }) as FieldRef;
export const base = (over: Partial<Kpi>): Kpi => ({
  id: "k",
  name: { zh: "k", en: "k" },
  form: "deal",
  measure: { type: "count" },
  ...over,
});
export const compile = (over: Partial<Kpi>, definition: AppDefinition = app) =>
  compileKpi(base(over), definition);
export const part = (over: Partial<Kpi>, alias = "value"): AggregatePart => {
  const found = compile(over).parts.find((p) => p.alias === alias);
  if (found === undefined) throw new Error(`no part ${alias}`);
  return found;
};

export function expectKpiError(run: () => unknown, code: KpiErrorCode, path?: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KpiError);
    expect((error as KpiError).code).toBe(code);
    if (path !== undefined) expect((error as KpiError).path).toBe(path);
    return;
  }
  throw new Error(`expected ${code}`);
}
