import { escapePointer, type ValidationIssue } from "../ajv.js";
import type { DefinitionErrorCode } from "./error-codes.js";

/** A definition issue; the code type keeps every emitted code inside the catalogue. */
export function issue(
  path: string,
  code: DefinitionErrorCode,
  message: string,
  params?: Readonly<Record<string, unknown>>,
): ValidationIssue {
  return params === undefined ? { path, code, message } : { path, code, message, params };
}

/** Append segments to a JSON Pointer, escaping each one. */
export function pointer(base: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((path, s) => `${path}/${escapePointer(String(s))}`, base);
}
