/** A normalizer's answer for an empty value: the field is left out of the data. */
export const ABSENT: unique symbol = Symbol("absent");
/** A normalizer's answer after it reported an issue: the field is left out of the data. */
export const INVALID: unique symbol = Symbol("invalid");

/** What a normalizer returns: the normalized value, or one of the two markers. */
export type Normalized = unknown;

/** Turns one submitted value (never undefined or null) into its stored form, reporting issues. */
export type Normalizer = (value: unknown, report: IssueReporter) => Normalized;

/** The part of the issue collector a normalizer sees. */
export interface IssueReporter {
  report(path: string, code: string, message: string, params?: Readonly<Record<string, unknown>>): void;
}

/** Whether a value counts as not filled in: undefined, null, "" or []. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

/** Whether a value is a plain object (an object literal, JSON.parse output or a null-prototype map). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON Logic truthiness: JavaScript's, except that an empty array is falsy. */
export function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** A fresh object for user-keyed data: no prototype, so no key can reach Object.prototype. */
export function emptyData(): Record<string, unknown> {
  const data: Record<string, unknown> = { __proto__: null };
  return data;
}
