import { escapePointer, type ValidationIssue } from "./ajv.js";
import { FORBIDDEN_KEYS } from "./common.js";

/** Standard JSON Logic operators the engine supports. */
export const STANDARD_OPERATORS = [
  "var",
  "missing",
  "missing_some",
  "if",
  "?:",
  "==",
  "===",
  "!=",
  "!==",
  "!",
  "!!",
  "or",
  "and",
  ">",
  ">=",
  "<",
  "<=",
  "max",
  "min",
  "+",
  "-",
  "*",
  "/",
  "%",
  "map",
  "reduce",
  "filter",
  "all",
  "none",
  "some",
  "merge",
  "in",
  "cat",
  "substr",
] as const;

/** Stagecraft's documented extra operators (dates, subform rows, cross-form aggregates). */
export const EXTRA_OPERATORS = [
  "today",
  "days_since",
  "days_between",
  "add_days",
  "year",
  "month",
  "period",
  "elapsed_ratio",
  "sum_of",
  "avg_of",
  "min_of",
  "max_of",
  "count_where",
  "round",
  "abs",
  "coalesce",
  "case",
  "count",
  "div",
  "aggregate",
] as const;

/** JSON Logic operators left out on purpose, with the reason. */
export const UNSUPPORTED_OPERATORS: Readonly<Record<string, string>> = {
  log: "writes to the console: the engine is pure and performs no I/O",
  method: "calls arbitrary JavaScript methods on values: unsafe, a sandbox escape",
};

/** Every operator the engine supports: the standard ones, then the extras. */
export const EXPRESSION_OPERATORS = [...STANDARD_OPERATORS, ...EXTRA_OPERATORS] as const;
/** The name of a supported operator. */
export type ExpressionOperator = (typeof EXPRESSION_OPERATORS)[number];

const operatorSet: ReadonlySet<string> = new Set(EXPRESSION_OPERATORS);
// A Map, so an operator named "toString" or "__proto__" finds no reason on Object.prototype.
const unsupportedReasons: ReadonlyMap<string, string> = new Map(Object.entries(UNSUPPORTED_OPERATORS));

/** Whether `name` is an operator the engine supports. */
export function isExpressionOperator(name: string): name is ExpressionOperator {
  return operatorSet.has(name);
}

/**
 * Operators whose second argument is evaluated once per element (row scope): its vars are the
 * row's. The first argument (the list) and reduce's third (the initial value) read the record.
 */
const ROW_SCOPED: ReadonlySet<string> = new Set([
  "map",
  "filter",
  "reduce",
  "all",
  "none",
  "some",
  "sum_of",
  "avg_of",
  "min_of",
  "max_of",
  "count_where",
]);
const ROW_ARGUMENT = 1;

/** Default limit of nesting in one expression. */
export const MAX_EXPRESSION_DEPTH = 32;

/** What an expression reads and how deep it is. */
export interface ExpressionAnalysis {
  /**
   * Top-level data paths read with a literal `var`, or named as literal keys of `missing` and
   * `missing_some` (row-scoped reads excluded), in order of appearance.
   */
  vars: string[];
  /** Ids read with `aggregate`, row-scoped ones included. */
  aggregates: string[];
  /** Nesting depth: each operation and literal array counts one, as compileExpression counts it. */
  depth: number;
  /** Unknown operators, forbidden paths, too deep: paths are JSON Pointers inside the expression. */
  issues: ValidationIssue[];
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** Narrows to an array without widening its elements to `any`. */
function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/** An object from JSON.parse or a literal (or with a null prototype), not a class instance. */
function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (!isObject(value) || isList(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An own property's value, read without running a getter. */
function ownValue(node: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(node, key);
  return descriptor?.get === undefined ? descriptor?.value : undefined;
}

/** The operator of a JSON Logic node: an object with exactly one key. */
export function operatorOf(node: unknown): string | undefined {
  if (!isPlainObject(node)) return undefined;
  const keys = Object.keys(node);
  return keys.length === 1 ? keys[0] : undefined;
}

/** Split a `var` path into segments ("a.b.0" → ["a","b","0"]). */
export function varSegments(path: string | number): string[] {
  return String(path) === "" ? [] : String(path).split(".");
}

/** A literal path or key as JSON Logic reads it, or null when it is computed or the whole data. */
function literalPath(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : null;
}

/** The keys `missing` or `missing_some` checks, selected as the engine selects them. */
function requiredKeys(op: "missing" | "missing_some", args: readonly unknown[]): readonly unknown[] {
  const list = op === "missing" ? args : args[1];
  if (!isList(list)) return [list];
  const [first] = list;
  return isList(first) ? first : list;
}

/** One node met on the walk; its pointer is built from the parent chain only when an issue needs it. */
interface Visit {
  readonly node: unknown;
  /** How many arrays and operations hold the node. */
  readonly level: number;
  /** Inside a row-scoped argument: vars are the row's, not the record's. */
  readonly rowScope: boolean;
  readonly parent: Visit | null;
  readonly token: string;
}

/** A child to visit: its pointer token, its value and whether it is row-scoped. */
type Child = readonly [token: string, node: unknown, rowScope: boolean];

function pointerOf(visit: Visit): string {
  let pointer = "";
  for (let at = visit; at.parent !== null; at = at.parent) pointer = `/${escapePointer(at.token)}${pointer}`;
  return pointer;
}

/**
 * Walk an expression once and report what it reads, its depth and its problems. The walk is
 * iterative (a deep value cannot overflow the stack) and reports what it finds in any value, also
 * inside malformed nodes and unknown operators; a cyclic value is cut where it passes `maxDepth`.
 */
export function analyzeExpression(
  expr: unknown,
  maxDepth: number = MAX_EXPRESSION_DEPTH,
): ExpressionAnalysis {
  const vars = new Set<string>();
  const aggregates = new Set<string>();
  const issues: ValidationIssue[] = [];
  // Once the limit is passed the answer is known: a container met again (a cycle) is not walked again.
  const seen = new Set<object>();
  const limit = { passed: false };
  let depth = 0;
  const stack: Visit[] = [{ node: expr, level: 0, rowScope: false, parent: null, token: "" }];

  const reportTooDeep = (visit: Visit): void => {
    const message = `nested deeper than ${maxDepth}`;
    issues.push({ path: pointerOf(visit), code: "expression_too_deep", message });
    limit.passed = true;
  };
  // Children are pushed last-first so that they are visited in document order.
  const push = (parent: Visit, children: readonly Child[]): void => {
    for (const [token, node, rowScope] of children.toReversed()) {
      stack.push({ node, level: parent.level + 1, rowScope, parent, token });
    }
  };
  const read = (value: unknown, operation: Visit): void => {
    const path = literalPath(value);
    if (path === null) return;
    const bad = varSegments(path).find((s) => FORBIDDEN_KEYS.includes(s));
    if (bad !== undefined) {
      issues.push({
        path: pointerOf(operation),
        code: "forbidden_path",
        message: `"${bad}" may not be read`,
      });
    } else if (!operation.rowScope) {
      vars.add(path);
    }
  };
  /** What one operation reads, or why it is refused; `operation` points at its argument list. */
  const operate = (op: string, args: readonly unknown[], operation: Visit): void => {
    if (!isExpressionOperator(op)) {
      const why = unsupportedReasons.get(op);
      issues.push({
        path: pointerOf(operation),
        code: "unknown_operator",
        message: why ? `operator "${op}" is not supported: ${why}` : `unknown operator "${op}"`,
        params: { operator: op },
      });
    } else if (op === "var") {
      read(args[0], operation);
    } else if (op === "missing" || op === "missing_some") {
      for (const key of requiredKeys(op, args)) read(key, operation);
    } else if (op === "aggregate" && typeof args[0] === "string") {
      aggregates.add(args[0]);
    }
  };

  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { node, level, rowScope } = visit;
    if (level > maxDepth) {
      if (level === maxDepth + 1) reportTooDeep(visit);
      continue;
    }
    if (!isObject(node)) {
      depth = Math.max(depth, level);
      continue;
    }
    // A container counts as a level of its own, so an empty one at the limit is too deep too.
    depth = Math.max(depth, level + 1);
    if (limit.passed && seen.has(node)) continue;
    seen.add(node);
    let holder = visit;
    let children: Child[];
    const keys = isPlainObject(node) ? Object.keys(node) : [];
    const [op] = keys;
    if (isList(node)) {
      children = Array.from(node, (item, i): Child => [String(i), item, rowScope]);
    } else if (op === undefined || keys.length > 1) {
      const message = "an operator node must have exactly one key";
      issues.push({ path: pointerOf(visit), code: "expression_shape", message });
      children = keys.map((key): Child => [key, ownValue(node, key), rowScope]);
    } else {
      // The argument list is a pointer step, but not a nesting level of its own.
      const operation: Visit = { node, level, rowScope, parent: visit, token: op };
      const raw = ownValue(node, op);
      operate(op, isList(raw) ? raw : [raw], operation);
      const scoped = ROW_SCOPED.has(op);
      if (isList(raw)) {
        holder = operation;
        children = Array.from(raw, (arg, i): Child => [
          String(i),
          arg,
          rowScope || (scoped && i === ROW_ARGUMENT),
        ]);
      } else {
        children = [[op, raw, rowScope]];
      }
    }
    if (children.length === 0 && level === maxDepth) reportTooDeep(visit);
    push(holder, children);
  }
  return { vars: [...vars], aggregates: [...aggregates], depth, issues };
}

/** The field id a var path starts with ("line_items.0.qty" → "line_items"). */
export function rootField(path: string): string {
  return varSegments(path)[0] ?? "";
}
