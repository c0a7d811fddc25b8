import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Expression } from "../common.js";
import { analyzeExpression, rootField, varSegments } from "../expression-analysis.js";
import type { Field, RowField } from "../field.js";
import type { Action } from "../rule.js";
import { indexApp, indexFields, isSystemField, type FieldEntry, type FormEntry } from "./app-index.js";
import { issue, pointer } from "./issue.js";

/** What the vars and aggregates of an expression may name. */
interface Scope {
  /** Fields of the record the expression reads; undefined skips var checks (formless rules). */
  readonly fields: ReadonlyMap<string, FieldEntry> | undefined;
  /** In a subform row: the parent form's fields, read as `_parent.<field>`. */
  readonly parent?: ReadonlyMap<string, FieldEntry>;
  /** Aggregates declared on the form; undefined skips the check (the form is unknown). */
  readonly aggregates: ReadonlySet<string> | undefined;
}

type Unreadable = "unknown_field" | "wrong_field_type" | undefined;

/** Why `id` cannot be read from `fields`, or undefined when it can. */
function unreadable(fields: ReadonlyMap<string, FieldEntry>, id: string, system: boolean): Unreadable {
  if (system && isSystemField(id)) return undefined;
  const entry = fields.get(id);
  if (!entry) return "unknown_field";
  return entry.field.type === "section" ? "wrong_field_type" : undefined;
}

function checkVar(name: string, path: string, scope: Scope, issues: ValidationIssue[]): void {
  if (!scope.fields) return;
  const root = rootField(name);
  let problem: Unreadable;
  if (scope.parent && root === "_parent") {
    const field = varSegments(name)[1];
    problem = field === undefined ? "unknown_field" : unreadable(scope.parent, field, true);
  } else {
    // Rows have no system columns of their own: they reach the record's through _parent.
    problem = unreadable(scope.fields, root, !scope.parent);
  }
  if (problem === "unknown_field") {
    issues.push(
      issue(path, "unknown_field", `the expression reads "${name}", which is not a field here`, {
        field: name,
      }),
    );
  } else if (problem === "wrong_field_type") {
    issues.push(
      issue(path, "wrong_field_type", `the expression reads "${name}", a section that holds no value`, {
        field: name,
      }),
    );
  }
}

/** Analyse one expression: its own issues (prefixed with its location), vars and aggregates. */
function checkExpression(
  expr: Expression | undefined,
  path: string,
  scope: Scope,
  issues: ValidationIssue[],
): void {
  if (expr === undefined) return;
  const analysis = analyzeExpression(expr);
  for (const found of analysis.issues) issues.push({ ...found, path: `${path}${found.path}` });
  for (const name of analysis.vars) checkVar(name, path, scope, issues);
  if (!scope.aggregates) return;
  for (const id of analysis.aggregates) {
    if (!scope.aggregates.has(id)) {
      issues.push(
        issue(
          path,
          "unknown_aggregate",
          `the expression reads aggregate "${id}", which is not declared here`,
          { aggregate: id },
        ),
      );
    }
  }
}

function checkFields(
  fields: readonly (Field | RowField)[],
  base: string,
  scope: Scope,
  issues: ValidationIssue[],
): void {
  fields.forEach((field, i) => {
    const path = pointer(base, i);
    checkExpression(field.visibleWhen, pointer(path, "visibleWhen"), scope, issues);
    checkExpression(field.readOnlyWhen, pointer(path, "readOnlyWhen"), scope, issues);
    if (field.type === "formula")
      checkExpression(field.expression, pointer(path, "expression"), scope, issues);
    if (field.type === "subform" && scope.fields && !scope.parent) {
      const rows = pointer(path, "fields");
      const rowScope: Scope = {
        fields: indexFields(field.fields, rows),
        parent: scope.fields,
        aggregates: scope.aggregates,
      };
      checkFields(field.fields, rows, rowScope, issues);
    }
  });
}

function checkForm(entry: FormEntry, issues: ValidationIssue[]): void {
  const scope: Scope = { fields: entry.fields, aggregates: entry.aggregates };
  checkFields(entry.form.fields, pointer(entry.path, "fields"), scope, issues);
  entry.form.pipeline?.stages.forEach((stage, s) => {
    const path = pointer(entry.path, "pipeline", "stages", s);
    checkExpression(stage.guard, pointer(path, "guard"), scope, issues);
    stage.approval?.steps.forEach((step, k) => {
      checkExpression(step.when, pointer(path, "approval", "steps", k, "when"), scope, issues);
    });
  });
}

function checkValues(
  values: Readonly<Record<string, Expression>> | undefined,
  path: string,
  scope: Scope,
  issues: ValidationIssue[],
): void {
  for (const [key, value] of Object.entries(values ?? {}))
    checkExpression(value, pointer(path, key), scope, issues);
}

function checkAction(action: Action, path: string, scope: Scope, issues: ValidationIssue[]): void {
  switch (action.type) {
    case "set_field":
      checkExpression(action.value, pointer(path, "value"), scope, issues);
      return;
    case "create_record":
      checkValues(action.data, pointer(path, "data"), scope, issues);
      return;
    case "update_records":
      checkValues(action.set, pointer(path, "set"), scope, issues);
      checkValues(action.increment, pointer(path, "increment"), scope, issues);
      return;
    case "webhook":
      checkExpression(action.body, pointer(path, "body"), scope, issues);
      return;
    case "assign_owner":
    case "notify":
    case "move_stage":
    case "wait":
      return;
  }
}

/**
 * Every expression of the definition: whitelisted operators, no prototype paths, bounded depth,
 * vars naming fields of the record it runs on (or `_parent.<field>` in subform rows) and
 * aggregates declared on that form.
 */
export function checkExpressions(app: AppDefinition): ValidationIssue[] {
  const index = indexApp(app);
  const issues: ValidationIssue[] = [];
  for (const entry of index.formList) checkForm(entry, issues);
  (app.rules ?? []).forEach((rule, r) => {
    const formId = rule.trigger.form;
    const form = formId === undefined ? undefined : index.forms.get(formId);
    // Formless rules read no record (no vars to check) and no form's aggregates; a missing form
    // is reported by the trigger check, so nothing here is checked against it.
    const scope: Scope =
      formId === undefined
        ? { fields: undefined, aggregates: new Set() }
        : { fields: form?.fields, aggregates: form?.aggregates };
    const path = pointer("/rules", r);
    checkExpression(rule.when, pointer(path, "when"), scope, issues);
    rule.actions.forEach((action, a) => {
      checkAction(action, pointer(path, "actions", a), scope, issues);
    });
  });
  return issues;
}
