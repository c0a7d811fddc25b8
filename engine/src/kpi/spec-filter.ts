/** KPI record filters turned into SpecConditions: checked field refs, literal values of the right shape. */
import type { FilterCondition, FilterValue, Form, RecordFilter } from "@stagecraft/schemas";
import { fieldRef, type RefSite } from "./field-ref.js";
import { KpiError } from "./kpi-error.js";
import type { FieldRef, SpecCondition, SpecScalar } from "./kpi-spec.js";

/** The stage-log reference `_stage` reads on stage-log parts: the log row's stage. */
export const LOG_STAGE: FieldRef = { kind: "log", column: "stage" };

/** Throws KPI_UNKNOWN_STAGE unless `stage` is a stage of the form's pipeline. */
export function checkStage(form: Form, stage: string, site: RefSite): void {
  if (!(form.pipeline?.stages ?? []).some((s) => s.id === stage)) {
    throw new KpiError("KPI_UNKNOWN_STAGE", `form "${form.id}" has no stage "${stage}"`, site);
  }
}

function literal(value: FilterValue, site: RefSite): SpecScalar {
  if (typeof value === "object" && value !== null) {
    throw new KpiError("KPI_FILTER_NOT_LITERAL", "KPI filters compare with literals only", site);
  }
  return value;
}

function shapeError(condition: FilterCondition, expected: string, site: RefSite): KpiError {
  return new KpiError("KPI_FILTER_VALUE_SHAPE", `operator "${condition.op}" takes ${expected}`, site);
}

/** The literal value(s) of a condition, checked against what its operator takes. */
function conditionValue(condition: FilterCondition, site: RefSite): SpecScalar | SpecScalar[] | undefined {
  const { op, value } = condition;
  if (op === "is_set" || op === "not_set") {
    if (value !== undefined) throw shapeError(condition, "no value", site);
    return undefined;
  }
  if (op === "in" || op === "not_in" || op === "between") {
    if (!Array.isArray(value) || (op === "between" && value.length !== 2)) {
      throw shapeError(condition, op === "between" ? "a pair [low, high]" : "a list", site);
    }
    return value.map((v) => literal(v, site));
  }
  if (value === undefined || Array.isArray(value)) throw shapeError(condition, "one value", site);
  const scalar = literal(value, site);
  if (op === "within_last_days" && typeof scalar !== "number")
    throw shapeError(condition, "a number of days", site);
  return scalar;
}

/**
 * SpecConditions of a KPI filter on `form`. On stage-log parts `_stage` reads the log row's stage;
 * stage values of `_stage` conditions must be stages of the form's pipeline.
 */
export function compileFilter(
  filter: RecordFilter | undefined,
  form: Form,
  site: RefSite,
  stageLog: boolean,
): SpecCondition[] {
  return (filter ?? []).map((condition, i) => {
    const at: RefSite = { kpiId: site.kpiId, path: `${site.path}/${i}` };
    const ref = fieldRef(form, condition.field, { kpiId: at.kpiId, path: `${at.path}/field` });
    const valueSite: RefSite = { kpiId: at.kpiId, path: `${at.path}/value` };
    const value = conditionValue(condition, valueSite);
    if (ref.kind === "system" && ref.column === "stage") {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === "string") checkStage(form, v, valueSite);
      }
    }
    const field = stageLog && ref.kind === "system" && ref.column === "stage" ? LOG_STAGE : ref;
    return value === undefined ? { field, op: condition.op } : { field, op: condition.op, value };
  });
}
