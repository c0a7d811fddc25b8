import type { AppDefinition } from "./app.js";
import type { Dashboard, Widget } from "./dashboard.js";
import type { Field, FieldType } from "./field.js";
import type { Form } from "./form.js";
import type { Kpi } from "./kpi.js";
import type { Stage } from "./pipeline.js";
import type { Action, Rule } from "./rule.js";
import { salesAppFixture } from "./test-fixtures.js";
import { validateDefinition } from "./validate-definition.js";

/** Every problem of a document as "code path" strings: compact, exact assertions. */
export function problems(json: unknown): string[] {
  return validateDefinition(json).errors.map((e) => `${e.code} ${e.path}`);
}

/** A fresh fixture changed by `change`. */
export function changed(change: (app: AppDefinition) => void): AppDefinition {
  const app = salesAppFixture();
  change(app);
  return app;
}

/** A test's precondition on the fixture: fail loudly when the fixture no longer has it. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the fixture has no ${what}`);
  return value;
}

function indexOf(items: readonly { id: string }[] | undefined, id: string, what: string): number {
  const i = (items ?? []).findIndex((item) => item.id === id);
  if (i < 0) throw new Error(`the fixture has no ${what} ${id}`);
  return i;
}

/** The index of a fixture form. */
export function formIndex(app: AppDefinition, id: string): number {
  return indexOf(app.forms, id, "form");
}
/** A fixture form by id. */
export function formOf(app: AppDefinition, id: string): Form {
  return must(app.forms[formIndex(app, id)], `form ${id}`);
}
/** The JSON Pointer of a fixture form. */
export function formPath(app: AppDefinition, id: string): string {
  return `/forms/${formIndex(app, id)}`;
}
/** A fixture field by form and id, narrowed to the type the test expects. */
export function fieldOf<T extends FieldType>(
  app: AppDefinition,
  form: string,
  id: string,
  type: T,
): Extract<Field, { type: T }> {
  const fields = formOf(app, form).fields;
  const field = must(fields[indexOf(fields, id, "field")], `field ${form}.${id}`);
  if (field.type !== type) throw new Error(`${form}.${id} is a ${field.type}, not a ${type}`);
  return field as Extract<Field, { type: T }>;
}
/** The JSON Pointer of a fixture field. */
export function fieldPath(app: AppDefinition, form: string, id: string): string {
  return `${formPath(app, form)}/fields/${indexOf(formOf(app, form).fields, id, "field")}`;
}
function stagesOf(app: AppDefinition, form: string): Stage[] {
  return must(formOf(app, form).pipeline, `pipeline on ${form}`).stages;
}
/** A stage of a fixture form's pipeline. */
export function stageOf(app: AppDefinition, form: string, id: string): Stage {
  const stages = stagesOf(app, form);
  return must(stages[indexOf(stages, id, "stage")], `stage ${id}`);
}
/** The JSON Pointer of a stage. */
export function stagePath(app: AppDefinition, form: string, id: string): string {
  return `${formPath(app, form)}/pipeline/stages/${indexOf(stagesOf(app, form), id, "stage")}`;
}
/** A fixture rule by id. */
export function ruleOf(app: AppDefinition, id: string): Rule {
  return must(app.rules?.[indexOf(app.rules, id, "rule")], `rule ${id}`);
}
/** The JSON Pointer of a rule. */
export function rulePath(app: AppDefinition, id: string): string {
  return `/rules/${indexOf(app.rules, id, "rule")}`;
}
/** An action of a fixture rule, narrowed to the type the test expects. */
export function actionOf<T extends Action["type"]>(
  app: AppDefinition,
  rule: string,
  i: number,
  type: T,
): Extract<Action, { type: T }> {
  const action = must(ruleOf(app, rule).actions[i], `action ${i} of ${rule}`);
  if (action.type !== type) throw new Error(`${rule} action ${i} is a ${action.type}`);
  return action as Extract<Action, { type: T }>;
}
/** A fixture KPI by id. */
export function kpiOf(app: AppDefinition, id: string): Kpi {
  return must(app.kpis?.[indexOf(app.kpis, id, "kpi")], `kpi ${id}`);
}
/** The JSON Pointer of a KPI. */
export function kpiPath(app: AppDefinition, id: string): string {
  return `/kpis/${indexOf(app.kpis, id, "kpi")}`;
}
/** A fixture dashboard by id. */
export function dashboardOf(app: AppDefinition, id: string): Dashboard {
  return must(app.dashboards?.[indexOf(app.dashboards, id, "dashboard")], `dashboard ${id}`);
}
/** A widget of a fixture dashboard, narrowed to the type the test expects. */
export function widgetOf<T extends Widget["type"]>(
  app: AppDefinition,
  dashboard: string,
  id: string,
  type: T,
): Extract<Widget, { type: T }> {
  const widgets = dashboardOf(app, dashboard).widgets;
  const widget = must(widgets[indexOf(widgets, id, "widget")], `widget ${id}`);
  if (widget.type !== type) throw new Error(`${id} is a ${widget.type}`);
  return widget as Extract<Widget, { type: T }>;
}
/** The JSON Pointer of a widget. */
export function widgetPath(app: AppDefinition, dashboard: string, id: string): string {
  const d = indexOf(app.dashboards, dashboard, "dashboard");
  return `/dashboards/${d}/widgets/${indexOf(dashboardOf(app, dashboard).widgets, id, "widget")}`;
}
