/** Whether a JSON value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string property of an object, or the fallback. */
export function stringAt(value: Record<string, unknown>, key: string, fallback = ""): string {
  const found = value[key];
  return typeof found === "string" ? found : fallback;
}

/** A number property of an object, or null. */
export function numberAt(value: Record<string, unknown>, key: string): number | null {
  const found = value[key];
  return typeof found === "number" && Number.isFinite(found) ? found : null;
}

/** An array property of an object, or an empty array. */
export function arrayAt(value: Record<string, unknown>, key: string): unknown[] {
  const found = value[key];
  return Array.isArray(found) ? found : [];
}
