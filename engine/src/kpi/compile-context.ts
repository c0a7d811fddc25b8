/** Shared pieces of compiling a KPI: its context, forms, dimensions, groupings and period. */
import type { AppDefinition, Form, Kpi } from "@stagecraft/schemas";
import { groupRef, temporalRef, type RefSite } from "./field-ref.js";
import { KpiError } from "./kpi-error.js";
import type { AggregatePart, Combine, FieldRef, GroupField, KpiFormat } from "./kpi-spec.js";
import { LOG_STAGE } from "./spec-filter.js";

/** What compiling one KPI needs to know. */
export interface CompileContext {
  app: AppDefinition;
  kpi: Kpi;
  form: Form;
  dimensions: string[];
}

/** The measure's parts and how they combine, before the goal is added. */
export interface CompiledMeasure {
  parts: AggregatePart[];
  combine: Combine;
  additive: boolean;
  format: KpiFormat;
  better: "higher" | "lower";
}

/** The default period field: when the record was created. */
export const CREATED_AT: FieldRef = { kind: "system", column: "created_at" };
/** A stage-log row's entry time. */
export const LOG_ENTERED_AT: FieldRef = { kind: "log", column: "entered_at" };
/** A stage-log row's exit time. */
export const LOG_EXITED_AT: FieldRef = { kind: "log", column: "exited_at" };

/** Where in the KPI a reference is made, for errors. */
export const site = (ctx: CompileContext, path: string): RefSite => ({ kpiId: ctx.kpi.id, path });

/** The form `formId` of the app; throws KPI_UNKNOWN_FORM. */
export function formOf(app: AppDefinition, formId: string, where: RefSite): Form {
  const form = app.forms.find((f) => f.id === formId);
  if (form === undefined) throw new KpiError("KPI_UNKNOWN_FORM", `no form "${formId}"`, where);
  return form;
}

/** Throws KPI_NO_PIPELINE unless the KPI's form has a pipeline. */
export function requirePipeline(ctx: CompileContext, path: string): void {
  if (ctx.form.pipeline === undefined) {
    throw new KpiError("KPI_NO_PIPELINE", `form "${ctx.form.id}" has no pipeline`, site(ctx, path));
  }
}

/** The KPI's groupBy, then the groupBy of dashboard widgets showing this KPI, without repeats. */
export function dimensionsOf(kpi: Kpi, app: AppDefinition): string[] {
  const fromWidgets = (app.dashboards ?? []).flatMap((d) =>
    d.widgets.flatMap((w) =>
      (w.type === "bar" || w.type === "leaderboard") && w.kpi === kpi.id && w.groupBy ? [w.groupBy] : [],
    ),
  );
  return [...new Set([...(kpi.groupBy ?? []), ...fromWidgets])];
}

/**
 * How a part on `form` reads each dimension: `mapped` (a part's groupField) stands for the first
 * dimension, the others are read by the same id on the part's form. With `optional` (goal rows) a
 * dimension the form cannot read is left out, and the goal of such groups is unknown.
 */
export function groupFieldsOf(
  ctx: CompileContext,
  form: Form,
  mapped: string | undefined,
  opts: { path: string; stageLog: boolean; optional: boolean },
): GroupField[] {
  return ctx.dimensions.flatMap((dimension, i) => {
    const id = i === 0 && mapped !== undefined ? mapped : dimension;
    const path =
      i === 0 && mapped !== undefined ? opts.path : i < (ctx.kpi.groupBy ?? []).length ? `/groupBy/${i}` : "";
    if (opts.optional && id === dimension && !id.startsWith("_") && !form.fields.some((f) => f.id === id))
      return [];
    const ref = groupRef(form, id, site(ctx, path));
    const field = opts.stageLog && ref.kind === "system" && ref.column === "stage" ? LOG_STAGE : ref;
    return [{ dimension, field }];
  });
}

/** The KPI's periodField on its form, or `fallback`. */
export function kpiPeriod(ctx: CompileContext, fallback: FieldRef): FieldRef {
  const id = ctx.kpi.periodField;
  return id === undefined ? fallback : temporalRef(ctx.form, id, site(ctx, "/periodField"));
}
