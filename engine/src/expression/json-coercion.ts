/**
 * JavaScript's coercions as JSON Logic relies on them (==, <, +, String(), Number()), re-implemented
 * so that no user-controlled code runs: native coercion of an object calls its own `toString` or
 * `valueOf`, which data can shadow (`{"toString": 1}` makes `String(x)` throw) or which a
 * null-prototype object lacks. Arrays convert like Array.prototype.join; other objects become
 * "[object Object]". Results equal the native ones for every JSON value.
 */
import { isArray } from "./json-guards.js";

/** JSON Logic truthiness: JavaScript's, except that an empty array is falsy. */
export function truthy(value: unknown): boolean {
  if (isArray(value)) return value.length > 0;
  return Boolean(value);
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

/** Array.prototype.join without calling methods of the elements; a cycle joins as "" like V8. */
function joinElements(values: readonly unknown[], separator: string, open?: Set<unknown>): string {
  let out = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += separator;
    const value = values[i];
    if (value === null || value === undefined) continue;
    if (!isArray(value)) {
      out += toText(value);
      continue;
    }
    const active = open ?? new Set<unknown>([values]);
    if (active.has(value)) continue;
    active.add(value);
    out += joinElements(value, ",", active);
    active.delete(value);
  }
  return out;
}

/** String(value), safely: arrays join with ",", other objects give "[object Object]". */
export function toText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (typeof value === "symbol") return value.toString();
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "[object Function]";
  return isArray(value) ? joinElements(value, ",") : "[object Object]";
}

/** ToPrimitive(value) as JavaScript does it for plain data, without calling user code. */
export function toPrimitive(value: unknown): unknown {
  return isObjectLike(value) ? toText(value) : value;
}

/** Number(value), safely (symbols give NaN instead of throwing). */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === null) return 0;
  if (typeof value === "bigint") return Number(value);
  if (isArray(value)) return Number(joinElements(value, ","));
  return NaN;
}

/** parseFloat(value) as JSON Logic's + and * apply it (numbers pass through, -0 becomes 0). */
export function parseFloatLike(value: unknown): number {
  if (typeof value === "number") return value === 0 ? 0 : value;
  return parseFloat(toText(value));
}

/** JavaScript's `==` (the Abstract Equality table jsonlogic.com refers to), without user code. */
export function looseEquals(left: unknown, right: unknown): boolean {
  const leftIsObject = isObjectLike(left);
  const rightIsObject = isObjectLike(right);
  // Between primitives the native operator runs no user code.
  if (!leftIsObject && !rightIsObject) return left == right;
  if (leftIsObject && rightIsObject) return left === right;
  const primitive = leftIsObject ? right : left;
  if (primitive === null || primitive === undefined) return false;
  const converted = toPrimitive(leftIsObject ? left : right);
  return converted == (typeof primitive === "boolean" ? Number(primitive) : primitive);
}

/**
 * JavaScript's relational comparison of two values: negative, zero or positive, or NaN when
 * they are unordered (so every one of <, <=, >, >= is false, as in JavaScript).
 */
export function looseCompare(left: unknown, right: unknown): number {
  const a = toPrimitive(left);
  const b = toPrimitive(right);
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  const x = toNumber(a);
  const y = toNumber(b);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

/** ToIntegerOrInfinity(value): the integer string methods use for positions. */
export function toIntegerOrInfinity(value: unknown): number {
  const number = toNumber(value);
  if (Number.isNaN(number)) return 0;
  return number === 0 ? 0 : Math.trunc(number);
}

/** JavaScript's binary `+` of a number and any value (string concatenation when it converts to one). */
export function addToNumber(number: number, value: unknown): number | string {
  const primitive = toPrimitive(value);
  return typeof primitive === "string" ? String(number) + primitive : number + toNumber(primitive);
}

/** The number a value denotes for the extra operators: a finite number or numeric string, else null. */
export function numericValue(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** A finite number unchanged, else null: the extras never produce NaN or Infinity. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
