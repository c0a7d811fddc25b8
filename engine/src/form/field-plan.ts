import type { Field } from "@stagecraft/schemas";
import type { CompiledExpression } from "../expression/index.js";
import type { FormulaCoercer } from "./coerce-formula.js";
import type { Normalizer } from "./field-value.js";

/** What every compiled field knows, whatever its kind. */
interface PlanBase {
  /** Position in its field list (the form's fields, or a subform's row fields). */
  readonly index: number;
  readonly id: string;
  readonly field: Field;
  /** JSON Pointer of the value relative to its object ("/amount"). */
  readonly path: string;
  readonly required: boolean;
  readonly visibleWhen: CompiledExpression | undefined;
  readonly readOnlyWhen: CompiledExpression | undefined;
  /** Index of the section whose visibility this field follows, -1 when none. */
  readonly section: number;
}

/** A field whose value comes from the input (every type but the four below). */
export interface ValuePlan extends PlanBase {
  readonly kind: "value";
  readonly normalize: Normalizer;
  readonly hasDefault: boolean;
  readonly defaultValue: unknown;
}

/** A table of rows, each validated and computed with its own field set. */
export interface SubformPlan extends PlanBase {
  readonly kind: "subform";
  readonly rows: FieldSetPlan;
  readonly minRows: number | undefined;
  readonly maxRows: number;
  readonly hasDefault: boolean;
  readonly defaultValue: unknown;
  /** Ids of the parent's fields its row formulas read as `_parent.<id>`. */
  readonly reads: readonly string[];
}

/** A computed field. */
export interface FormulaPlan extends PlanBase {
  readonly kind: "formula";
  readonly expression: CompiledExpression;
  readonly coerce: FormulaCoercer;
  /** Ids of the fields of its own object its expression reads. */
  readonly reads: readonly string[];
  /** In a row: ids of the parent record's fields it reads as `_parent.<id>`. */
  readonly parentReads: readonly string[];
}

/** An automatic number assigned on creation. */
export interface SerialPlan extends PlanBase {
  readonly kind: "serial";
  readonly prefix: string;
  readonly digits: number;
}

/** A layout heading: holds no value, groups the fields after it. */
export interface SectionPlan extends PlanBase {
  readonly kind: "section";
}

/** One compiled field. */
export type FieldPlan = ValuePlan | SubformPlan | FormulaPlan | SerialPlan | SectionPlan;

/** A step of the computation: a formula, or the row formulas of a subform. */
export type ComputeStep = FormulaPlan | SubformPlan;

/** A list of fields (a form's, or a subform row's) prepared for submissions. */
export interface FieldSetPlan {
  readonly plans: readonly FieldPlan[];
  readonly byId: ReadonlyMap<string, FieldPlan>;
  /** Value and subform fields, in field order: the ones read from the input. */
  readonly inputs: readonly (ValuePlan | SubformPlan)[];
  /** Formula and serial fields: the input may name them, their values are ignored. */
  readonly ignored: readonly (FormulaPlan | SerialPlan)[];
  /** Formulas and subforms with row formulas, in dependency order. */
  readonly steps: readonly ComputeStep[];
  /** Whether any field has a visibleWhen (otherwise everything is visible). */
  readonly hasVisibility: boolean;
  /** Value and subform fields marked required. */
  readonly required: readonly (ValuePlan | SubformPlan)[];
  readonly serials: readonly SerialPlan[];
  readonly subforms: readonly SubformPlan[];
}
