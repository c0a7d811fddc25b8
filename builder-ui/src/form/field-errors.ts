import type { ProblemItem } from "../api/problem.js";

/** One problem shown under a field: the rest of its path inside the field ("" for the field itself). */
export interface FieldError {
  sub: string;
  code: string;
  message: string;
  params?: Readonly<Record<string, unknown>>;
}

/** Problems grouped by top-level field id; "" holds those that name no field. */
export type ErrorsByField = ReadonlyMap<string, readonly FieldError[]>;

/**
 * Group problems by the field they name. Record answers point into the body (`/data/amount`);
 * the engine points into the data (`/amount`): `prefix` says which to strip.
 */
export function groupErrors(items: readonly ProblemItem[], prefix: "/data" | ""): ErrorsByField {
  const grouped = new Map<string, FieldError[]>();
  for (const item of items) {
    const path =
      prefix !== "" && item.path.startsWith(`${prefix}/`) ? item.path.slice(prefix.length) : item.path;
    const [, first = "", ...rest] = path.split("/");
    const key = prefix !== "" && !item.path.startsWith(`${prefix}/`) ? "" : first;
    const list = grouped.get(key) ?? [];
    list.push({
      sub: rest.join("/"),
      code: item.code,
      message: item.message,
      ...(item.params === undefined ? {} : { params: item.params }),
    });
    grouped.set(key, list);
  }
  return grouped;
}

function sameErrors(a: readonly FieldError[] | undefined, b: readonly FieldError[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((error, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      other.sub === error.sub &&
      other.code === error.code &&
      other.message === error.message
    );
  });
}

/** `next`, reusing the arrays of `previous` that did not change, so unchanged fields keep their props. */
export function stableErrors(previous: ErrorsByField, next: ErrorsByField): ErrorsByField {
  const result = new Map<string, readonly FieldError[]>();
  for (const [key, list] of next) {
    const before = previous.get(key);
    result.set(key, before !== undefined && sameErrors(before, list) ? before : list);
  }
  return result;
}
