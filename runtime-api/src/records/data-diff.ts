import { isPlainObject } from "@stagecraft/engine";
/** One changed field of an audit event. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** Whether two JSON values are equal; object key order does not matter (jsonb reorders keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

function valueOf(data: Readonly<Record<string, unknown>>, field: string): unknown {
  return Object.hasOwn(data, field) ? data[field] : null;
}

/**
 * Every field whose value differs between `before` and `after` (absent counts as null): fields in
 * `order` first (the form's field order), then any other key in alphabetical order.
 */
export function diffData(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  order: Iterable<string>,
): FieldChange[] {
  const fields = new Set(order);
  const others = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => !fields.has(key)));
  const changes: FieldChange[] = [];
  for (const field of [...fields, ...[...others].sort()]) {
    const old = valueOf(before, field);
    const next = valueOf(after, field);
    if (!sameJson(old, next)) changes.push({ field, old, new: next });
  }
  return changes;
}
