import type { FormCompileErrorCode } from "./form-compile-error.js";

/** Where a field is being compiled: its data path and a way to fail with a typed error. */
export interface FieldSite {
  /** JSON Pointer of the field's value relative to its object ("/amount"). */
  readonly path: string;
  /** Throw a FormCompileError about this field. */
  fail(code: FormCompileErrorCode, detail: string): never;
}
