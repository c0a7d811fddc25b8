import type { AppDefinition, Dashboard, Widget } from "@stagecraft/schemas";
import type { Drop } from "../dnd/dnd-adapter.js";
import { freshId } from "../store/definition-ops.js";
import { moveItem, replaceAt } from "../shared/optional.js";

/** The default width (of 12 columns) of a widget type: cards are narrow, charts half the row. */
export function defaultWidth(type: Widget["type"]): number {
  return type === "number" ? 3 : type === "table" ? 12 : 6;
}

/** Place widgets in reading order on the 12-column grid: left to right, wrapping into new rows. */
export function flowLayout(widgets: readonly Widget[]): Widget[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return widgets.map((widget) => {
    const w = widget.layout?.w ?? defaultWidth(widget.type);
    const h = widget.layout?.h ?? (widget.type === "number" ? 2 : 4);
    if (x + w > 12) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const placed = { ...widget, layout: { x, y, w, h } };
    x += w;
    rowHeight = Math.max(rowHeight, h);
    return placed;
  });
}

/** Change one dashboard of the app. */
export function updateDashboard(
  definition: AppDefinition,
  id: string,
  change: (d: Dashboard) => Dashboard,
): AppDefinition {
  const dashboards = definition.dashboards ?? [];
  const index = dashboards.findIndex((d) => d.id === id);
  const dashboard = dashboards[index];
  return dashboard === undefined
    ? definition
    : { ...definition, dashboards: replaceAt(dashboards, index, change(dashboard)) };
}

/** A new widget of `type`, showing the first KPI (or the first form with a pipeline for funnels). */
export function newWidget(type: Widget["type"], definition: AppDefinition, taken: readonly Widget[]): Widget {
  const id = freshId(type, new Set(taken.map((w) => w.id)));
  const kpi = definition.kpis?.[0]?.id ?? "";
  const layout = { x: 0, y: 0, w: defaultWidth(type), h: type === "number" ? 2 : 4 };
  switch (type) {
    case "number":
      return { id, type, kpi, layout };
    case "line":
      return { id, type, kpi, period: "month", layout };
    case "bar":
      return { id, type, kpi, period: "month", layout };
    case "leaderboard":
      return { id, type, kpi, groupBy: "_owner", limit: 10, layout };
    case "funnel":
      return {
        id,
        type,
        form: definition.forms.find((f) => f.pipeline !== undefined)?.id ?? definition.forms[0]?.id ?? "",
        layout,
      };
    case "table": {
      const form = definition.forms[0];
      return { id, type, form: form?.id ?? "", columns: [form?.fields[0]?.id ?? "_id"], limit: 20, layout };
    }
  }
}

/** Apply a drop on the dashboard: the dragged widget takes the place of the one it lands on, and the grid reflows. */
export function applyWidgetDrop(definition: AppDefinition, dashboardId: string, drop: Drop): AppDefinition {
  const { source, target } = drop;
  if (source.kind !== "widget" || target.kind !== "widget-slot") return definition;
  return updateDashboard(definition, dashboardId, (d) => {
    const from = d.widgets.findIndex((w) => w.id === source.widgetId);
    if (from < 0 || from === target.index) return d;
    return { ...d, widgets: flowLayout(moveItem(d.widgets, from, target.index)) };
  });
}
