/** The stable codes an expression error can carry. */
export type ExpressionErrorCode =
  | "EXPR_UNKNOWN_OPERATOR"
  | "EXPR_FORBIDDEN_PATH"
  | "EXPR_TOO_DEEP"
  | "EXPR_BAD_ARGUMENTS"
  | "EXPR_NOT_SERIALIZABLE";

/** The catalogue of expression error codes, one line each (kept in sync by a test). */
export const EXPRESSION_ERROR_CODES: Readonly<Record<ExpressionErrorCode, string>> = Object.freeze({
  EXPR_UNKNOWN_OPERATOR:
    "The operator is not on the whitelist; log and method are refused on purpose (I/O, arbitrary methods).",
  EXPR_FORBIDDEN_PATH:
    "A data path or aggregate id uses __proto__, constructor or prototype (checked at compile and run time).",
  EXPR_TOO_DEEP: "The expression nests deeper than the limit (default 32, see compile options).",
  EXPR_BAD_ARGUMENTS:
    "Wrong number or shape of arguments, or an object that is not a single-operator object.",
  EXPR_NOT_SERIALIZABLE:
    "The expression holds a value JSON cannot carry: undefined, a function, NaN, Infinity, a class instance.",
});

/** An invalid or unsafe expression; `path` is a JSON Pointer into the expression. */
export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
  readonly code: ExpressionErrorCode;
  readonly path: string;

  constructor(code: ExpressionErrorCode, path: string, detail: string) {
    super(`${detail} (${code} at ${path === "" ? "the root" : path})`);
    this.code = code;
    this.path = path;
  }
}
