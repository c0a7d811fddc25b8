import type { ValidationIssue } from "./ajv.js";
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
  method: "calls arbitrary JavaScript methods on values: a sandbox escape",
};

export const EXPRESSION_OPERATORS = [...STANDARD_OPERATORS, ...EXTRA_OPERATORS] as const;
export type ExpressionOperator = (typeof EXPRESSION_OPERATORS)[number];

const operatorSet: ReadonlySet<string> = new Set(EXPRESSION_OPERATORS);

/** Whether `name` is an operator the engine supports. */
export function isExpressionOperator(name: string): name is ExpressionOperator {
  return operatorSet.has(name);
}

/** Operators whose arguments after the first are evaluated once per element (row scope). */
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

/** Default limit of nesting in one expression. */
export const MAX_EXPRESSION_DEPTH = 32;

/** What an expression reads and how deep it is. */
export interface ExpressionAnalysis {
  /** Top-level data paths read with a literal `var` (row-scoped reads excluded). */
  vars: string[];
  /** Ids read with `aggregate`. */
  aggregates: string[];
  depth: number;
  /** Unknown operators, forbidden paths, too deep: paths are JSON Pointers inside the expression. */
  issues: ValidationIssue[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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

/** Walk an expression once and report what it reads, its depth and its problems. */
export function analyzeExpression(
  expr: unknown,
  maxDepth: number = MAX_EXPRESSION_DEPTH,
): ExpressionAnalysis {
  const vars = new Set<string>();
  const aggregates = new Set<string>();
  const issues: ValidationIssue[] = [];
  let depth = 0;

  const visit = (node: unknown, path: string, level: number, rowScope: boolean): void => {
    if (level > depth) depth = level;
    if (level > maxDepth) {
      if (level === maxDepth + 1) {
        issues.push({ path, code: "expression_too_deep", message: `nested deeper than ${maxDepth}` });
      }
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        visit(item, `${path}/${i}`, level + 1, rowScope);
      });
      return;
    }
    if (!isPlainObject(node)) return;
    const op = operatorOf(node);
    if (op === undefined) {
      issues.push({ path, code: "expression_shape", message: "an operator node must have exactly one key" });
      return;
    }
    const opPath = `${path}/${op.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (!isExpressionOperator(op)) {
      const why = UNSUPPORTED_OPERATORS[op];
      issues.push({
        path: opPath,
        code: "unknown_operator",
        message: why ? `operator "${op}" is not supported: ${why}` : `unknown operator "${op}"`,
        params: { operator: op },
      });
      return;
    }
    const raw = node[op];
    const args = Array.isArray(raw) ? raw : [raw];
    if (op === "var") {
      const first: unknown = args[0];
      if (typeof first === "string" || typeof first === "number") {
        const segments = varSegments(first);
        const bad = segments.find((s) => FORBIDDEN_KEYS.includes(s));
        if (bad !== undefined) {
          issues.push({ path: opPath, code: "forbidden_path", message: `"${bad}" may not be read` });
        } else if (!rowScope && segments.length > 0) {
          vars.add(String(first));
        }
      }
    } else if (op === "aggregate" && typeof args[0] === "string") {
      aggregates.add(args[0]);
    }
    const scoped = ROW_SCOPED.has(op);
    args.forEach((arg, i) => {
      visit(arg, Array.isArray(raw) ? `${opPath}/${i}` : opPath, level + 1, rowScope || (scoped && i > 0));
    });
  };

  visit(expr, "", 0, false);
  return { vars: [...vars], aggregates: [...aggregates], depth, issues };
}

/** The field id a var path starts with ("line_items.0.qty" → "line_items"). */
export function rootField(path: string): string {
  return varSegments(path)[0] ?? "";
}
