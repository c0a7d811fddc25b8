import type { Field, Form } from "@stagecraft/schemas";
import { compileFieldSet } from "./compile-field-set.js";
import type { FieldSetPlan } from "./field-plan.js";

/** A form prepared once for fast, repeated submissions (part of a CompiledApp). */
export interface CompiledForm {
  readonly id: string;
  readonly form: Form;
  /** Every top-level field by id, in form order. */
  readonly fields: ReadonlyMap<string, Field>;
  /** Ids of the formula fields (and subforms with row formulas) in evaluation order. */
  readonly formulaOrder: readonly string[];
  /** Normalizers, compiled expressions and orders of the fields (subform rows inside). */
  readonly plan: FieldSetPlan;
}

/**
 * Compile a form: per-field normalizers, compiled visibleWhen/readOnlyWhen/formula expressions,
 * the formula order, and each subform's rows the same way. Throws FormCompileError (with a code)
 * for a definition the validator should have refused: duplicate ids, a bad pattern or expression,
 * a formula cycle.
 */
export function compileForm(form: Form): CompiledForm {
  const plan = compileFieldSet(form.fields, { formId: form.id, defPath: "/fields", inRow: false });
  const fields = new Map<string, Field>();
  for (const field of form.fields) fields.set(field.id, field);
  return { id: form.id, form, fields, formulaOrder: plan.steps.map((step) => step.id), plan };
}
