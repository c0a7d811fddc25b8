export { compileForm, type CompiledForm } from "./compile-form.js";
export {
  FORM_COMPILE_ERROR_CODES,
  FormCompileError,
  type FormCompileErrorCode,
} from "./form-compile-error.js";
export { computeFormulas } from "./compute-record.js";
export { isEmptyValue, isPlainObject } from "./field-value.js";
export { submit, type SubmitOptions, type SubmitResult } from "./submit.js";
export { readOnlyFields, visibleFields } from "./visibility.js";
export { visibleRowFields } from "./row-visibility.js";
