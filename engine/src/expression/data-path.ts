/**
 * Dotted data paths ("rows.0.qty") read through own properties of plain objects and arrays only,
 * so no path can reach a prototype, a getter of a class instance, or a method.
 */
import { ExpressionError } from "./expression-error.js";
import { toText } from "./json-coercion.js";
import { isArray, isPlainObject } from "./json-guards.js";

/** Segments that would reach a prototype in JavaScript; refused wherever they appear. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** One segment of a path: the key, and its array index (-1 when it is not a canonical index). */
export interface PathSegment {
  readonly key: string;
  readonly index: number;
}

/** A parsed path; an empty list never occurs (a whole-data path is represented by null). */
export type DataPath = readonly PathSegment[];

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
const MAX_SHOWN = 80;

/** The dotted path a var argument names, or null for the whole data (JSON Logic's "", null or absent). */
export function pathText(value: unknown): string | null {
  return value === undefined || value === null || value === "" ? null : toText(value);
}

/** Splits a dotted path; throws EXPR_FORBIDDEN_PATH (at `pointer`) on a prototype-reaching segment. */
export function parseDataPath(text: string, pointer: string): DataPath {
  return text.split(".").map((key) => {
    if (FORBIDDEN_SEGMENTS.has(key)) {
      const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
      throw new ExpressionError("EXPR_FORBIDDEN_PATH", pointer, `path "${shown}" uses the segment "${key}"`);
    }
    return { key, index: ARRAY_INDEX.test(key) ? Number(key) : -1 };
  });
}

/** Reads one segment: an own property of a plain object, an index or the length of an array. */
export function readSegment(container: unknown, segment: PathSegment): unknown {
  if (isArray(container)) {
    if (segment.index >= 0) return segment.index < container.length ? container[segment.index] : undefined;
    return segment.key === "length" ? container.length : undefined;
  }
  return isPlainObject(container) && Object.hasOwn(container, segment.key)
    ? container[segment.key]
    : undefined;
}

/** Reads a path; undefined when any step is absent (JSON Logic then uses the default). */
export function readPath(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const segment of path) {
    current = readSegment(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}
