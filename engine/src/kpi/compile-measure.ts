/** KPI measures compiled to aggregate parts: one handler per measure type. */
import type { Form, Measure, Moment, RatioPart, SimpleMeasure } from "@stagecraft/schemas";
import {
  CREATED_AT,
  formOf,
  groupFieldsOf,
  kpiPeriod,
  LOG_ENTERED_AT,
  LOG_EXITED_AT,
  requirePipeline,
  site,
  type CompileContext,
  type CompiledMeasure,
} from "./compile-context.js";
import { numericRef, temporalRef } from "./field-ref.js";
import type {
  AggregatePart,
  Combine,
  FieldRef,
  GroupField,
  KpiFormat,
  MomentRef,
  PartSource,
  SpecCondition,
} from "./kpi-spec.js";
import { checkStage, compileFilter, LOG_STAGE } from "./spec-filter.js";

/** The format a sum/avg/min/max shows in by default: the measured field's money or percent. */
function fieldFormat(form: Form, fieldId: string): KpiFormat {
  const field = form.fields.find((f) => f.id === fieldId);
  const type = field?.type === "formula" ? field.resultType : field?.type;
  return type === "money" || type === "percent" ? type : "number";
}

function simplePart(
  ctx: CompileContext,
  alias: string,
  form: Form,
  measure: SimpleMeasure,
  rest: { filter: SpecCondition[]; periodField: FieldRef; groupFields: GroupField[]; path: string },
): AggregatePart {
  const source: PartSource = { kind: "records", formId: form.id };
  const base = { alias, source, filter: rest.filter };
  const tail = { periodField: rest.periodField, groupFields: rest.groupFields };
  if (measure.type === "count") return { ...base, fn: "count", ...tail };
  const value = numericRef(form, measure.field, site(ctx, `${rest.path}/field`));
  return { ...base, fn: measure.type, value, ...tail };
}

/** A measure of one part whose value is the KPI's value. */
function single(
  part: AggregatePart,
  additive: boolean,
  format: KpiFormat,
  better: "higher" | "lower",
): CompiledMeasure {
  return { parts: [part], combine: { kind: "single", part: part.alias }, additive, format, better };
}

function simpleMeasure(ctx: CompileContext, measure: SimpleMeasure): CompiledMeasure {
  const part = simplePart(ctx, "value", ctx.form, measure, {
    filter: compileFilter(ctx.kpi.filter, ctx.form, site(ctx, "/filter"), false),
    periodField: kpiPeriod(ctx, CREATED_AT),
    groupFields: groupFieldsOf(ctx, ctx.form, undefined, { path: "", stageLog: false, optional: false }),
    path: "/measure",
  });
  const additive = measure.type === "count" || measure.type === "sum";
  const format = measure.type === "count" ? "number" : fieldFormat(ctx.form, measure.field);
  return single(part, additive, format, "higher");
}

/** A ratio side: its own form, filter, period and group field; the KPI's filter and period apply on the KPI's form. */
function ratioPart(ctx: CompileContext, alias: string, part: RatioPart, path: string): AggregatePart {
  const form = part.form === undefined ? ctx.form : formOf(ctx.app, part.form, site(ctx, `${path}/form`));
  const sameForm = form.id === ctx.form.id;
  const filter = [
    ...(sameForm ? compileFilter(ctx.kpi.filter, form, site(ctx, "/filter"), false) : []),
    ...compileFilter(part.filter, form, site(ctx, `${path}/filter`), false),
  ];
  const periodField =
    part.periodField !== undefined
      ? temporalRef(form, part.periodField, site(ctx, `${path}/periodField`))
      : sameForm
        ? kpiPeriod(ctx, CREATED_AT)
        : CREATED_AT;
  const groupFields = groupFieldsOf(ctx, form, part.groupField, {
    path: `${path}/groupField`,
    stageLog: false,
    optional: false,
  });
  return simplePart(ctx, alias, form, part.measure, {
    filter,
    periodField,
    groupFields,
    path: `${path}/measure`,
  });
}

function momentRef(ctx: CompileContext, moment: Moment, path: string): MomentRef {
  switch (moment.type) {
    case "created":
      return { kind: "field", field: CREATED_AT };
    case "closed":
      return { kind: "field", field: { kind: "system", column: "closed_at" } };
    case "field":
      return { kind: "field", field: temporalRef(ctx.form, moment.field, site(ctx, `${path}/field`)) };
    case "stage_entered":
      requirePipeline(ctx, `${path}/stage`);
      checkStage(ctx.form, moment.stage, site(ctx, `${path}/stage`));
      return { kind: "stage_entered", stage: moment.stage };
  }
}

/** The parts of a stage-log measure share their source form, KPI filter, period and groupings. */
function logBase(ctx: CompileContext, defaultPeriod: FieldRef) {
  return {
    filter: compileFilter(ctx.kpi.filter, ctx.form, site(ctx, "/filter"), true),
    periodField: kpiPeriod(ctx, defaultPeriod),
    groupFields: groupFieldsOf(ctx, ctx.form, undefined, { path: "", stageLog: true, optional: false }),
  };
}

function ratioMeasure(ctx: CompileContext, measure: Extract<Measure, { type: "ratio" }>): CompiledMeasure {
  const numerator = ratioPart(ctx, "numerator", measure.numerator, "/measure/numerator");
  const denominator = ratioPart(ctx, "denominator", measure.denominator, "/measure/denominator");
  const combine: Combine = { kind: "ratio", numerator: "numerator", denominator: "denominator" };
  return { parts: [numerator, denominator], combine, additive: false, format: "percent", better: "higher" };
}

function durationMeasure(
  ctx: CompileContext,
  measure: Extract<Measure, { type: "duration" }>,
): CompiledMeasure {
  const from = momentRef(ctx, measure.from, "/measure/from");
  const to = momentRef(ctx, measure.to, "/measure/to");
  const part: AggregatePart = {
    alias: "value",
    source: { kind: "records", formId: ctx.form.id },
    fn: measure.statistic,
    value: { kind: "duration", from, to, unit: measure.unit },
    filter: compileFilter(ctx.kpi.filter, ctx.form, site(ctx, "/filter"), false),
    periodField: kpiPeriod(ctx, CREATED_AT),
    groupFields: groupFieldsOf(ctx, ctx.form, undefined, { path: "", stageLog: false, optional: false }),
  };
  return single(part, false, measure.unit === "days" ? "days" : "number", "lower");
}

/**
 * Conversion from the stage log: base = distinct records that entered `from` (in the period);
 * entered = those of them that entered `to` at or after that entry (at any time since).
 */
function conversionMeasure(
  ctx: CompileContext,
  measure: Extract<Measure, { type: "stage_conversion" }>,
): CompiledMeasure {
  requirePipeline(ctx, "/measure");
  checkStage(ctx.form, measure.from, site(ctx, "/measure/from"));
  checkStage(ctx.form, measure.to, site(ctx, "/measure/to"));
  const base = logBase(ctx, LOG_ENTERED_AT);
  const filter: SpecCondition[] = [{ field: LOG_STAGE, op: "eq", value: measure.from }, ...base.filter];
  const source: Extract<PartSource, { kind: "stage_log" }> = { kind: "stage_log", formId: ctx.form.id };
  const parts: AggregatePart[] = [
    { ...base, alias: "base", source, fn: "count", filter },
    { ...base, alias: "entered", source: { ...source, thenEntered: measure.to }, fn: "count", filter },
  ];
  const combine: Combine = { kind: "conversion", entered: "entered", base: "base" };
  return { parts, combine, additive: false, format: "percent", better: "higher" };
}

/** Time in stage from the stage log: exit − entry of every finished stint (in one stage, or any). */
function timeInStageMeasure(
  ctx: CompileContext,
  measure: Extract<Measure, { type: "time_in_stage" }>,
): CompiledMeasure {
  requirePipeline(ctx, "/measure");
  const stage: SpecCondition[] = [];
  if (measure.stage !== undefined) {
    checkStage(ctx.form, measure.stage, site(ctx, "/measure/stage"));
    stage.push({ field: LOG_STAGE, op: "eq", value: measure.stage });
  }
  const base = logBase(ctx, LOG_EXITED_AT);
  const part: AggregatePart = {
    ...base,
    alias: "value",
    source: { kind: "stage_log", formId: ctx.form.id },
    fn: measure.statistic,
    value: {
      kind: "duration",
      from: { kind: "field", field: LOG_ENTERED_AT },
      to: { kind: "field", field: LOG_EXITED_AT },
      unit: measure.unit,
    },
    filter: [...stage, { field: LOG_EXITED_AT, op: "is_set" }, ...base.filter],
  };
  return single(part, false, measure.unit === "days" ? "days" : "number", "lower");
}

/** The parts of a KPI's measure and how they combine, by measure type. */
export function compileMeasure(ctx: CompileContext, measure: Measure): CompiledMeasure {
  switch (measure.type) {
    case "count":
    case "sum":
    case "avg":
    case "min":
    case "max":
      return simpleMeasure(ctx, measure);
    case "ratio":
      return ratioMeasure(ctx, measure);
    case "duration":
      return durationMeasure(ctx, measure);
    case "stage_conversion":
      return conversionMeasure(ctx, measure);
    case "time_in_stage":
      return timeInStageMeasure(ctx, measure);
  }
}
