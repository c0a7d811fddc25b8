import {
  analyzeExpression,
  escapePointer,
  FIELD_LIMITS,
  FORBIDDEN_KEYS,
  varSegments,
  type Field,
} from "@stagecraft/schemas";
import { compileExpression, ExpressionError, type CompiledExpression } from "../expression/index.js";
import { formulaCoercer } from "./coerce-formula.js";
import type {
  ComputeStep,
  FieldPlan,
  FieldSetPlan,
  FormulaPlan,
  SerialPlan,
  SubformPlan,
  ValuePlan,
} from "./field-plan.js";
import type { FieldSite } from "./field-site.js";
import { FormCompileError } from "./form-compile-error.js";
import { dependencyOrder } from "./formula-order.js";
import { scalarNormalizer } from "./scalar-normalizer.js";

/** Where a field list sits: its form, its JSON Pointer in the form definition, and whether it is a row. */
export interface FieldSetScope {
  readonly formId: string;
  /** JSON Pointer of the field array in the form definition ("/fields", "/fields/4/fields"). */
  readonly defPath: string;
  readonly inRow: boolean;
}

/** The variable row expressions read their parent record through. */
export const PARENT_VAR = "_parent";

function compileSite(scope: FieldSetScope, index: number, id: string): FieldSite {
  const defPath = `${scope.defPath}/${index}`;
  return {
    path: `/${escapePointer(id)}`,
    fail: (code, detail) => {
      throw new FormCompileError(code, scope.formId, defPath, detail);
    },
  };
}

function compileAt(expr: unknown, site: FieldSite, key: string): CompiledExpression {
  try {
    return compileExpression(expr);
  } catch (err) {
    // Anything but an ExpressionError is a bug of the compiler, not of the definition.
    if (!(err instanceof ExpressionError)) throw err;
    return site.fail("FORM_BAD_EXPRESSION", `${key}: ${err.message}`);
  }
}

function compileCondition(expr: unknown, site: FieldSite, key: string): CompiledExpression | undefined {
  return expr === undefined ? undefined : compileAt(expr, site, key);
}

/** Root field ids an expression reads; in a row, `_parent.<id>` reads go to `parent` instead. */
function readsOf(expr: unknown, parent?: Set<string>): string[] {
  const roots: string[] = [];
  for (const path of analyzeExpression(expr).vars) {
    const [root = "", next] = varSegments(path);
    if (root === PARENT_VAR && parent !== undefined) {
      if (next !== undefined) parent.add(next);
    } else {
      roots.push(root);
    }
  }
  return roots;
}

function plan(field: Field, index: number, section: number, scope: FieldSetScope): FieldPlan {
  const site = compileSite(scope, index, field.id);
  if (FORBIDDEN_KEYS.includes(field.id))
    site.fail("FORM_FORBIDDEN_FIELD_ID", `field id "${field.id}" is forbidden`);
  const base = {
    index,
    id: field.id,
    field,
    path: site.path,
    required: field.required === true,
    visibleWhen: compileCondition(field.visibleWhen, site, "visibleWhen"),
    readOnlyWhen: compileCondition(field.readOnlyWhen, site, "readOnlyWhen"),
    section,
  };
  const hasDefault = field.default !== undefined && field.default !== null;
  const defaultValue: unknown = field.default;
  if (scope.inRow && (field.type === "subform" || field.type === "section" || field.type === "serial")) {
    site.fail("FORM_UNKNOWN_FIELD_TYPE", `a subform row cannot hold a ${field.type} field`);
  }
  switch (field.type) {
    case "formula": {
      const expression = compileAt(field.expression, site, "expression");
      const parentReads = new Set<string>();
      const reads = readsOf(field.expression, scope.inRow ? parentReads : undefined);
      return {
        ...base,
        kind: "formula",
        expression,
        coerce: formulaCoercer(field),
        reads,
        parentReads: [...parentReads],
      };
    }
    case "serial":
      return { ...base, kind: "serial", prefix: field.prefix ?? "", digits: field.digits ?? 1 };
    case "section":
      return { ...base, kind: "section" };
    case "subform": {
      const rows = compileFieldSet(field.fields, {
        formId: scope.formId,
        defPath: `${scope.defPath}/${index}/fields`,
        inRow: true,
      });
      const parentReads = new Set<string>();
      for (const step of rows.steps)
        if (step.kind === "formula") for (const id of step.parentReads) parentReads.add(id);
      // A row formula reading its own table through _parent sees the rows as submitted: no edge.
      parentReads.delete(field.id);
      return {
        ...base,
        kind: "subform",
        rows,
        minRows: field.minRows,
        maxRows: Math.min(field.maxRows ?? FIELD_LIMITS.subformRows, FIELD_LIMITS.subformRows),
        hasDefault,
        defaultValue,
        reads: [...parentReads],
      };
    }
    default:
      return { ...base, kind: "value", normalize: scalarNormalizer(field, site), hasDefault, defaultValue };
  }
}

/** Compile a list of fields: normalizers, expressions, sections and the formula order. */
export function compileFieldSet(fields: readonly Field[], scope: FieldSetScope): FieldSetPlan {
  const plans: FieldPlan[] = [];
  const byId = new Map<string, FieldPlan>();
  let section = -1;
  fields.forEach((field, index) => {
    const fieldPlan = plan(field, index, field.type === "section" ? -1 : section, scope);
    if (byId.has(field.id)) {
      throw new FormCompileError(
        "FORM_DUPLICATE_FIELD",
        scope.formId,
        `${scope.defPath}/${index}`,
        `duplicate field id "${field.id}"`,
      );
    }
    if (fieldPlan.kind === "section") section = index;
    plans.push(fieldPlan);
    byId.set(field.id, fieldPlan);
  });
  const inputs = plans.filter(
    (p): p is ValuePlan | SubformPlan => p.kind === "value" || p.kind === "subform",
  );
  const candidates = plans.filter(
    (p): p is ComputeStep => p.kind === "formula" || (p.kind === "subform" && p.rows.steps.length > 0),
  );
  const order = dependencyOrder(candidates);
  if (!order.ok) {
    throw new FormCompileError(
      "FORM_FORMULA_CYCLE",
      scope.formId,
      scope.defPath,
      `formulas read each other in a cycle: ${[...order.cycle, order.cycle[0]].join(" → ")}`,
    );
  }
  return {
    plans,
    byId,
    inputs,
    ignored: plans.filter((p): p is FormulaPlan | SerialPlan => p.kind === "formula" || p.kind === "serial"),
    steps: order.order,
    hasVisibility: plans.some((p) => p.visibleWhen !== undefined),
    required: inputs.filter((p) => p.required),
    serials: plans.filter((p): p is SerialPlan => p.kind === "serial"),
    subforms: plans.filter((p): p is SubformPlan => p.kind === "subform"),
  };
}
