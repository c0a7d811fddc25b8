/** The stable codes compileForm can throw with. */
export type FormCompileErrorCode =
  | "FORM_DUPLICATE_FIELD"
  | "FORM_FORBIDDEN_FIELD_ID"
  | "FORM_UNKNOWN_FIELD_TYPE"
  | "FORM_BAD_PATTERN"
  | "FORM_BAD_EXPRESSION"
  | "FORM_FORMULA_CYCLE";

/** The catalogue of form compile error codes, one line each (kept in sync by a test). */
export const FORM_COMPILE_ERROR_CODES: Readonly<Record<FormCompileErrorCode, string>> = Object.freeze({
  FORM_DUPLICATE_FIELD: "Two fields of one form (or of one subform row) share an id.",
  FORM_FORBIDDEN_FIELD_ID: "A field id is __proto__, constructor or prototype.",
  FORM_UNKNOWN_FIELD_TYPE:
    "A field's type has no handler (or a subform row holds a subform, section or serial).",
  FORM_BAD_PATTERN: "A text field's pattern is not valid RE2 syntax.",
  FORM_BAD_EXPRESSION: "A visibleWhen, readOnlyWhen or formula expression does not compile.",
  FORM_FORMULA_CYCLE: "Formulas read each other in a cycle, so no evaluation order exists.",
});

/**
 * A form definition the engine cannot compile: a bug in a definition that skipped (or slipped
 * past) the definition validator. `path` is a JSON Pointer into the form's fields.
 */
export class FormCompileError extends Error {
  override readonly name = "FormCompileError";
  readonly code: FormCompileErrorCode;
  readonly formId: string;
  readonly path: string;

  constructor(code: FormCompileErrorCode, formId: string, path: string, detail: string) {
    super(`form "${formId}": ${detail} (${code} at ${path === "" ? "the form" : path})`);
    this.code = code;
    this.formId = formId;
    this.path = path;
  }
}
