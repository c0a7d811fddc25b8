/**
 * Static analysis of expressions, for dependency ordering and definition checks. The walk is
 * tolerant (it reports what it finds in any JSON; compileExpression is the validator) and
 * iterative, so a deep or cyclic value cannot overflow the stack.
 */
import { ExpressionError } from "./expression-error.js";
import { isArray, isPlainObject } from "./json-guards.js";
import { childPointer } from "./json-pointer.js";
import { OPERATOR_LOOKUP } from "./operator-table.js";

/** Nesting beyond which analysis gives up (only a cyclic value or a pathological one gets there). */
const ANALYSIS_DEPTH_LIMIT = 10_000;

interface Visit {
  readonly node: unknown;
  readonly level: number;
  /** Inside a per-row argument (map, filter, reduce, all, none, some and the row operators). */
  readonly inRow: boolean;
  readonly parent: Visit | null;
  readonly token: string | number;
}

/** One operation met on the walk: its name, its arguments, and whether it runs per row. */
type OperationVisitor = (name: string, args: readonly unknown[], inRow: boolean) => void;

function pointerOf(visit: Visit): string {
  const tokens: (string | number)[] = [];
  for (let at = visit; at.parent !== null; at = at.parent) tokens.push(at.token);
  return tokens.reduceRight<string>((pointer, token) => childPointer(pointer, token), "");
}

/** Walks every node depth-first and returns the expression depth (as compileExpression counts it). */
function walk(expr: unknown, onOperation: OperationVisitor): number {
  let deepest = 0;
  const stack: Visit[] = [{ node: expr, level: 0, inRow: false, parent: null, token: "" }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { node, inRow } = visit;
    if (typeof node !== "object" || node === null) continue;
    const level = visit.level + 1;
    if (level > ANALYSIS_DEPTH_LIMIT) {
      throw new ExpressionError("EXPR_TOO_DEEP", pointerOf(visit), "expression is too deep to analyze");
    }
    deepest = Math.max(deepest, level);
    const push = (child: unknown, token: string | number, row: boolean, parent: Visit): void => {
      stack.push({ node: child, level, inRow: row, parent, token });
    };
    // Children are pushed last-first so that they are visited in document order.
    if (isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) push(node[i], i, inRow, visit);
      continue;
    }
    if (!isPlainObject(node)) continue;
    const keys = Object.keys(node);
    const [name] = keys;
    if (name === undefined || keys.length > 1) {
      for (const key of keys.reverse())
        push(Object.getOwnPropertyDescriptor(node, key)?.value, key, inRow, visit);
      continue;
    }
    const raw: unknown = Object.getOwnPropertyDescriptor(node, name)?.value;
    const args = isArray(raw) ? raw : [raw];
    onOperation(name, args, inRow);
    const rowArgs = OPERATOR_LOOKUP.get(name)?.rowArgs ?? [];
    if (!isArray(raw)) {
      push(raw, name, inRow || rowArgs.includes(0), visit);
      continue;
    }
    // Arguments sit at the operation's level: the argument list is not a nesting level of its own.
    const holder: Visit = { node: raw, level, inRow, parent: visit, token: name };
    for (let i = raw.length - 1; i >= 0; i--) push(raw[i], i, inRow || rowArgs.includes(i), holder);
  }
  return deepest;
}

/** A literal path or key as JSON Logic would read it, or null when it is computed or the whole data. */
function literalPath(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * Every literal data path an expression reads at the top level, de-duplicated in order of
 * appearance: the paths of `var` and the literal keys of `missing`/`missing_some`. Paths inside
 * per-row arguments (the second argument of map, filter, reduce, all, none, some, sum_of, avg_of,
 * min_of, max_of, count_where) are relative to each row and are left out; the row list itself
 * (e.g. {"var": "lines"}) is reported. Computed paths cannot be known and are left out.
 */
export function collectVars(expr: unknown): string[] {
  const paths = new Set<string>();
  const add = (value: unknown): void => {
    const path = literalPath(value);
    if (path !== null) paths.add(path);
  };
  walk(expr, (name, args, inRow) => {
    if (inRow) return;
    const [first, second] = args;
    if (name === "var") add(first);
    else if (name === "missing") (isArray(first) ? first : args).forEach(add);
    else if (name === "missing_some" && isArray(second)) second.forEach(add);
  });
  return [...paths];
}

/** The ids of every `aggregate` an expression uses (anywhere, rows included), de-duplicated. */
export function collectAggregates(expr: unknown): string[] {
  const ids = new Set<string>();
  walk(expr, (name, args) => {
    const [id] = args;
    if (name === "aggregate" && typeof id === "string" && id !== "") ids.add(id);
  });
  return [...ids];
}

/** The nesting depth of an expression: each operation and literal array counts one; scalars zero. */
export function expressionDepth(expr: unknown): number {
  return walk(expr, () => undefined);
}
