import type { FastifyInstance } from "fastify";
import { HttpProblem, type ProblemItem } from "./problem.js";

// Postgres text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate cannot be encoded as
// UTF-8: either would fail deep inside a query as a 500. They are refused up front instead.
const LONE_SURROGATE = /\p{Cs}/u;
const MAX_REPORTED = 100;

function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

function unstorable(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

// Parsed JSON, query strings and route parameters are walked (their objects may have any
// prototype); buffers and streams (uploads) are not text.
function isWalkable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return false;
  return !("pipe" in value);
}

/**
 * JSON Pointers (under `prefix`) of every string or key in `value` that the database cannot
 * store. Walks with an explicit stack: a deeply nested body must not overflow the call stack.
 */
export function unstorableTextPaths(value: unknown, prefix: string): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, prefix]];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const next = stack.pop();
    if (next === undefined) break;
    const [item, path] = next;
    if (typeof item === "string") {
      if (unstorable(item)) found.push(path);
    } else if (Array.isArray(item)) {
      for (const [index, element] of item.entries()) stack.push([element, `${path}/${index}`]);
    } else if (isWalkable(item)) {
      for (const [key, element] of Object.entries(item)) {
        const child = `${path}/${escapePointer(key)}`;
        if (unstorable(key)) found.push(child);
        else stack.push([element, child]);
      }
    }
  }
  return found.sort();
}

/** Refuse (400) requests whose body, query or path parameters carry text the database cannot store. */
export function registerStorableText(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const paths = [
      ...unstorableTextPaths(request.params, "/params"),
      ...unstorableTextPaths(request.query, "/query"),
      ...unstorableTextPaths(request.body, ""),
    ];
    if (paths.length === 0) return;
    const errors: ProblemItem[] = paths.map((path) => ({
      path,
      code: "unstorable_text",
      message: "contains a NUL character or an unpaired surrogate",
    }));
    await Promise.resolve();
    throw new HttpProblem(400, "the request contains text that cannot be stored", errors);
  });
}
