/**
 * compileKpi: a KPI definition → a KpiSpec of aggregate parts. Called after validateDefinition, so
 * every KpiError thrown here is a bug guard; field ids reach the spec only as checked FieldRefs.
 */
import type { AppDefinition, Goal, Kpi } from "@stagecraft/schemas";
import { dimensionsOf, formOf, groupFieldsOf, site, type CompileContext } from "./compile-context.js";
import { compileMeasure } from "./compile-measure.js";
import { numericRef, temporalRef } from "./field-ref.js";
import type { AggregatePart, GoalSpec, KpiSpec } from "./kpi-spec.js";
import { compileFilter } from "./spec-filter.js";

/** The goal rows' part: the goal field summed by period (prorated over [from, to] when `to` is set) and group. */
function recordsGoalPart(ctx: CompileContext, goal: Extract<Goal, { type: "records" }>): AggregatePart {
  const form = formOf(ctx.app, goal.form, site(ctx, "/goal/form"));
  const part: AggregatePart = {
    alias: "goal",
    source: { kind: "records", formId: form.id },
    fn: "sum",
    value: numericRef(form, goal.field, site(ctx, "/goal/field")),
    filter: compileFilter(goal.filter, form, site(ctx, "/goal/filter"), false),
    periodField: temporalRef(form, goal.from, site(ctx, "/goal/from")),
    groupFields: groupFieldsOf(ctx, form, goal.groupField, {
      path: "/goal/groupField",
      stageLog: false,
      optional: true,
    }),
  };
  if (goal.to !== undefined) part.periodEndField = temporalRef(form, goal.to, site(ctx, "/goal/to"));
  return part;
}

/** Compile a KPI of `app` into its aggregate spec; throws KpiError (a bug guard) on ids the app lacks. */
export function compileKpi(kpi: Kpi, app: AppDefinition): KpiSpec {
  const dimensions = dimensionsOf(kpi, app);
  const form = formOf(app, kpi.form, { kpiId: kpi.id, path: "/form" });
  const ctx: CompileContext = { app, kpi, form, dimensions };
  const measure = compileMeasure(ctx, kpi.measure);
  const spec: KpiSpec = {
    kpiId: kpi.id,
    formId: kpi.form,
    timeZone: app.settings?.timeZone ?? "UTC",
    parts: measure.parts,
    combine: measure.combine,
    dimensions,
    additive: measure.additive,
    format: kpi.format ?? measure.format,
    better: kpi.better ?? measure.better,
  };
  if (kpi.goal !== undefined) {
    let goal: GoalSpec;
    if (kpi.goal.type === "records") {
      spec.parts = [...measure.parts, recordsGoalPart(ctx, kpi.goal)];
      goal = { kind: "records", part: "goal" };
    } else {
      const dimension = dimensions[0];
      goal =
        dimension === undefined
          ? { kind: "value", goal: kpi.goal }
          : { kind: "value", goal: kpi.goal, dimension };
    }
    spec.goal = goal;
  }
  return spec;
}
