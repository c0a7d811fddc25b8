/**
 * GET …/dashboards/:dashboardId: every widget of a dashboard with its data, for one date range.
 * - number: the KPI result (series in the dashboard's period);
 * - line: the KPI result with the series in the widget's period;
 * - bar: the KPI result, series in the widget's period, groups when the widget groups;
 * - leaderboard: the KPI result with its groups ranked best first (highest value first, lowest
 *   when the KPI's better is "lower"; unknown values last) and cut to the widget's limit (10);
 * - funnel: records per stage in pipeline order (a snapshot: the range does not apply);
 * - table: the latest records matching the widget's filter (a snapshot too; null should the
 *   filter not compile).
 * KPI widgets also carry the KPI's `format` and `better`. One KPI query serves every widget
 * showing the same KPI, period and grouping.
 */
import type { KpiQuery, KpiResult, KpiSpec } from "@stagecraft/engine";
import type { Dashboard, PeriodUnit, Widget } from "@stagecraft/schemas";
import { loadPublishedApp } from "../apps/app-cache.js";
import { notFound } from "../problem.js";
import type { Runtime } from "../runtime.js";
import { funnelSteps, type FunnelStep } from "./funnel-sql.js";
import { checkRange, parseKpiQuery, type RawKpiQuery } from "./kpi-query.js";
import { computeKpi, todayIn, type KpiScope } from "./run-kpi.js";
import { tableRows, type TableRow } from "./table-sql.js";

/** The default number of groups a leaderboard shows. */
export const LEADERBOARD_LIMIT = 10;

/** What a KPI widget shows: the KPI result with how to display it. */
export type KpiWidgetData = KpiResult & { format: KpiSpec["format"]; better: KpiSpec["better"] };

/** The data of one widget, by widget type. */
export type WidgetData = KpiWidgetData | { steps: FunnelStep[] } | { rows: TableRow[] } | null;

/** A dashboard with its data. */
export interface DashboardAnswer {
  id: string;
  name: Dashboard["name"];
  period: PeriodUnit;
  from: string;
  to: string;
  widgets: (Widget & { data: WidgetData })[];
}

/** Groups best first; unknown values last; ties by key. */
function ranked(groups: KpiResult["groups"], better: KpiSpec["better"], limit: number): KpiResult["groups"] {
  const sign = better === "lower" ? 1 : -1;
  return [...groups]
    .sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === b.value ? a.key.localeCompare(b.key) : a.value === null ? 1 : -1;
      return a.value === b.value ? a.key.localeCompare(b.key) : sign * (a.value - b.value);
    })
    .slice(0, limit);
}

/** The dashboard of the app's published version with every widget's data; 404 when unknown. */
export async function dashboardData(
  runtime: Runtime,
  workspaceId: string,
  appId: string,
  dashboardId: string,
  raw: RawKpiQuery,
): Promise<DashboardAnswer> {
  const { compiled } = await loadPublishedApp(runtime, workspaceId, appId);
  const dashboard = (compiled.definition.dashboards ?? []).find((d) => d.id === dashboardId);
  if (dashboard === undefined) throw notFound("dashboard");
  const timeZone = compiled.timeZone;
  const today = todayIn(runtime, timeZone);
  const query = parseKpiQuery(raw, { timeZone, today, defaultUnit: dashboard.period ?? "month" });
  const scope: KpiScope = { workspaceId, appId, today };
  // Widgets may ask for finer periods than the dashboard: check the range holds them all.
  for (const widget of dashboard.widgets) {
    if ((widget.type === "line" || widget.type === "bar") && widget.period !== undefined) {
      checkRange(query.from, query.to, widget.period, timeZone);
    }
  }

  const results = new Map<string, Promise<KpiResult>>();
  const kpi = (spec: KpiSpec, unit: PeriodUnit, groupBy?: string): Promise<KpiResult> => {
    const key = JSON.stringify([spec.kpiId, unit, groupBy ?? null]);
    let result = results.get(key);
    if (result === undefined) {
      const q: KpiQuery = groupBy === undefined ? { ...query, unit } : { ...query, unit, groupBy };
      result = computeKpi(runtime, spec, q, scope);
      results.set(key, result);
    }
    return result;
  };
  const dataOf = async (widget: Widget): Promise<WidgetData> => {
    switch (widget.type) {
      case "funnel": {
        const form = compiled.definition.forms.find((f) => f.id === widget.form);
        return form === undefined
          ? null
          : { steps: await funnelSteps(runtime.db, scope, form, widget.stages) };
      }
      case "table": {
        const now = runtime.clock.now().toISOString();
        const rows = await tableRows(runtime.db, { ...scope, now, timeZone }, compiled.definition, widget);
        return rows === null ? null : { rows };
      }
      default: {
        const spec = compiled.kpis.get(widget.kpi);
        if (spec === undefined) return null;
        const display = { format: spec.format, better: spec.better };
        switch (widget.type) {
          case "number":
            return { ...(await kpi(spec, query.unit)), ...display };
          case "line":
            return { ...(await kpi(spec, widget.period)), ...display };
          case "bar":
            return { ...(await kpi(spec, widget.period ?? query.unit, widget.groupBy)), ...display };
          case "leaderboard": {
            const result = await kpi(spec, query.unit, widget.groupBy);
            return {
              ...result,
              groups: ranked(result.groups, spec.better, widget.limit ?? LEADERBOARD_LIMIT),
              ...display,
            };
          }
        }
      }
    }
  };
  const widgets = await Promise.all(
    dashboard.widgets.map(async (widget) => ({ ...widget, data: await dataOf(widget) })),
  );
  return {
    id: dashboard.id,
    name: dashboard.name,
    period: query.unit,
    from: query.from,
    to: query.to,
    widgets,
  };
}
