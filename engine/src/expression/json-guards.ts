/** Narrows to an array without widening its elements to `any`. */
export function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/** True for objects from JSON.parse or a literal, or with a null prototype; false for class instances. */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
