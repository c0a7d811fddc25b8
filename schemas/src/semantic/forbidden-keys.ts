import type { ValidationIssue } from "../ajv.js";
import { FORBIDDEN_KEYS } from "../common.js";
import { issue, pointer } from "./issue.js";

const forbidden: ReadonlySet<string> = new Set(FORBIDDEN_KEYS);

/**
 * Every own key `__proto__`, `constructor` or `prototype` anywhere in a document (JSON.parse makes
 * `__proto__` an own key). Iterative, so a deeply nested document cannot overflow the stack, and
 * each object is visited once, so shared or cyclic references terminate.
 */
export function findForbiddenKeys(document: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const visited = new Set<object>();
  const pending: { value: unknown; path: string }[] = [{ value: document, path: "" }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value !== "object" || value === null || visited.has(value)) continue;
    visited.add(value);
    // Object.entries also walks arrays (keys "0", "1", …) and skips the holes of sparse ones.
    const entries: [string, unknown][] = Object.entries(value);
    for (const [key] of entries) {
      if (forbidden.has(key)) {
        const message = `the key "${key}" is not allowed: it reaches object prototypes`;
        issues.push(issue(pointer(path, key), "forbidden_key", message, { key }));
      }
    }
    // Pushed in reverse so the pops walk the document in order.
    for (const [key, child] of entries.reverse()) {
      if (!forbidden.has(key)) pending.push({ value: child, path: pointer(path, key) });
    }
  }
  return issues;
}
