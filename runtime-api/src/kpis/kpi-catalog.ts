/** What an app offers to read: its KPIs and dashboards as short list entries. */
import type { CompiledApp, GoalSpec, KpiSpec } from "@stagecraft/engine";
import type { Dashboard, I18nText, MeasureType, PeriodUnit } from "@stagecraft/schemas";

/** One entry of GET /api/apps/:appId/kpis. */
export interface KpiSummary {
  id: string;
  name: I18nText;
  form: string;
  measure: MeasureType;
  format: KpiSpec["format"];
  better: KpiSpec["better"];
  /** fixed, split or records; null without a goal. */
  goal: "fixed" | "split" | "records" | null;
  /** What `groupBy` may name. */
  dimensions: string[];
}

/** One entry of GET /api/apps/:appId/dashboards. */
export interface DashboardSummary {
  id: string;
  name: I18nText;
  period: PeriodUnit | null;
  widgets: number;
}

function goalKind(goal: GoalSpec | undefined): KpiSummary["goal"] {
  if (goal === undefined) return null;
  return goal.kind === "records" ? "records" : goal.goal.type;
}

/** The app's KPIs in definition order. */
export function kpiSummaries(app: CompiledApp): KpiSummary[] {
  return (app.definition.kpis ?? []).flatMap((kpi) => {
    const spec = app.kpis.get(kpi.id);
    if (spec === undefined) return [];
    return [
      {
        id: kpi.id,
        name: kpi.name,
        form: kpi.form,
        measure: kpi.measure.type,
        format: spec.format,
        better: spec.better,
        goal: goalKind(spec.goal),
        dimensions: [...spec.dimensions],
      },
    ];
  });
}

/** The app's dashboards in definition order. */
export function dashboardSummaries(app: CompiledApp): DashboardSummary[] {
  return (app.definition.dashboards ?? []).map((d: Dashboard) => ({
    id: d.id,
    name: d.name,
    period: d.period ?? null,
    widgets: d.widgets.length,
  }));
}
