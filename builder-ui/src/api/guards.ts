/** Shallow runtime checks of API answers: the client trusts the contract's shape, not its values. */
export type Guard<T> = (value: unknown) => value is T;

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A guard for objects that carry the given string keys. */
export function hasStrings<T>(...keys: string[]): Guard<T> {
  return (value: unknown): value is T =>
    isObject(value) && keys.every((key) => typeof value[key] === "string");
}

/** A guard for arrays whose every item passes `item`. */
export function arrayOf<T>(item: Guard<T>): Guard<T[]> {
  return (value: unknown): value is T[] => Array.isArray(value) && value.every((entry) => item(entry));
}

/** Accept anything (answers the UI does not read, such as 204s). */
export function isAnything(value: unknown): value is unknown {
  return value !== Symbol.for("never");
}
