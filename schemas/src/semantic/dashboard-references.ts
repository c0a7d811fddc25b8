import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Widget } from "../dashboard.js";
import type { Kpi } from "../kpi.js";
import {
  indexApp,
  requireField,
  requireForm,
  requirePipeline,
  requireStage,
  type AppIndex,
} from "./app-index.js";
import { checkFilter } from "./filter-references.js";
import { issue, pointer } from "./issue.js";

function requireKpi(index: AppIndex, id: string, path: string, issues: ValidationIssue[]): Kpi | undefined {
  const kpi = index.kpis.get(id);
  if (!kpi) issues.push(issue(path, "unknown_kpi", `the app has no KPI "${id}"`, { kpi: id }));
  return kpi;
}

/** A field the widget groups the KPI's records by, read from the KPI's form. */
function checkKpiGroup(
  index: AppIndex,
  kpi: Kpi | undefined,
  field: string,
  path: string,
  issues: ValidationIssue[],
): void {
  const form = kpi && index.forms.get(kpi.form);
  if (form) requireField(form, field, path, issues, true);
}

function checkWidget(index: AppIndex, widget: Widget, path: string, issues: ValidationIssue[]): void {
  switch (widget.type) {
    case "number":
    case "line":
      requireKpi(index, widget.kpi, pointer(path, "kpi"), issues);
      return;
    case "bar":
    case "leaderboard": {
      const kpi = requireKpi(index, widget.kpi, pointer(path, "kpi"), issues);
      if (widget.groupBy !== undefined)
        checkKpiGroup(index, kpi, widget.groupBy, pointer(path, "groupBy"), issues);
      return;
    }
    case "funnel": {
      const form = requireForm(index, widget.form, pointer(path, "form"), issues);
      if (!form) return;
      if (!form.stages) {
        requirePipeline(form, pointer(path, "form"), issues);
        return;
      }
      widget.stages?.forEach((stage, i) => {
        requireStage(form, stage, pointer(path, "stages", i), issues);
      });
      return;
    }
    case "table": {
      const form = requireForm(index, widget.form, pointer(path, "form"), issues);
      if (!form) return;
      widget.columns.forEach((column, i) => {
        requireField(form, column, pointer(path, "columns", i), issues, true);
      });
      checkFilter(widget.filter, pointer(path, "filter"), form, "none", issues);
      return;
    }
  }
}

/** Dashboards: the KPIs, forms, stages and columns their widgets show. */
export function checkDashboardReferences(app: AppDefinition): ValidationIssue[] {
  const index = indexApp(app);
  const issues: ValidationIssue[] = [];
  (app.dashboards ?? []).forEach((dashboard, d) => {
    dashboard.widgets.forEach((widget, w) => {
      checkWidget(index, widget, pointer("/dashboards", d, "widgets", w), issues);
    });
  });
  return issues;
}
