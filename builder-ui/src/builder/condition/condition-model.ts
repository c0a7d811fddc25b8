import type { Expression, JsonValue } from "@stagecraft/schemas";
import { isRecord } from "../shared/json-guards.js";

/** Comparison operators offered in the menus, each with one JSON Logic translation. */
export const CONDITION_OPERATORS = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "contains",
  "one_of",
  "is_set",
  "not_set",
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** A literal compared with a field. */
export type ConditionValue = string | number | boolean | null | string[];

/** One "field → operator → value" line. */
export interface ConditionRule {
  kind: "rule";
  field: string;
  operator: ConditionOperator;
  value: ConditionValue;
}

/** Lines and nested groups joined by and (all) or or (any). */
export interface ConditionGroup {
  kind: "group";
  join: "and" | "or";
  items: ConditionNode[];
}
export type ConditionNode = ConditionRule | ConditionGroup;

const COMPARISONS: Readonly<Record<string, ConditionOperator>> = {
  "==": "eq",
  "!=": "ne",
  ">": "gt",
  ">=": "gte",
  "<": "lt",
  "<=": "lte",
};
const COMPARISON_SYMBOL: Readonly<Record<"eq" | "ne" | "gt" | "gte" | "lt" | "lte", string>> = {
  eq: "==",
  ne: "!=",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
};

/** Whether an operator takes no value (is set / is empty). */
export function isUnary(operator: ConditionOperator): boolean {
  return operator === "is_set" || operator === "not_set";
}

function fieldVar(field: string): JsonValue {
  return { var: field };
}

function ruleLogic(rule: ConditionRule): JsonValue {
  const v = fieldVar(rule.field);
  switch (rule.operator) {
    case "is_set":
      return { "!!": [v] };
    case "not_set":
      return { "!": [v] };
    case "contains":
      return { in: [Array.isArray(rule.value) ? (rule.value[0] ?? "") : rule.value, v] };
    case "one_of":
      return { in: [v, Array.isArray(rule.value) ? rule.value : [String(rule.value ?? "")]] };
    default:
      return {
        [COMPARISON_SYMBOL[rule.operator]]: [
          v,
          Array.isArray(rule.value) ? (rule.value[0] ?? null) : rule.value,
        ],
      };
  }
}

function nodeLogic(node: ConditionNode): JsonValue | undefined {
  if (node.kind === "rule") return ruleLogic(node);
  // An empty group is dropped: JSON Logic's and/or need at least one argument.
  const parts = node.items.map(nodeLogic).filter((p): p is JsonValue => p !== undefined);
  return parts.length === 0 ? undefined : { [node.join]: parts };
}

/** The JSON Logic expression of a condition tree; undefined when it has no lines (no condition). */
export function conditionToLogic(group: ConditionGroup): Expression | undefined {
  return nodeLogic(group);
}

/** The single operator key and its argument list of a JSON Logic node, or undefined. */
function operatorOf(expr: unknown): { op: string; args: unknown[] } | undefined {
  if (!isRecord(expr)) return undefined;
  const keys = Object.keys(expr);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) return undefined;
  const raw = expr[op];
  return { op, args: Array.isArray(raw) ? raw : [raw] };
}

function varName(expr: unknown): string | undefined {
  const node = operatorOf(expr);
  if (node?.op !== "var" || node.args.length !== 1) return undefined;
  const name = node.args[0];
  return typeof name === "string" && name !== "" ? name : undefined;
}

function literal(value: unknown): ConditionValue | undefined {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (Array.isArray(value) && value.every((v): v is string => typeof v === "string")) return value;
  return undefined;
}

function parseRule(expr: unknown): ConditionRule | undefined {
  const node = operatorOf(expr);
  if (node === undefined) return undefined;
  const { op, args } = node;
  const comparison = COMPARISONS[op];
  if (comparison !== undefined && args.length === 2) {
    const field = varName(args[0]);
    const value = literal(args[1]);
    if (field !== undefined && value !== undefined && !Array.isArray(value))
      return { kind: "rule", field, operator: comparison, value };
    return undefined;
  }
  if ((op === "!!" || op === "!") && args.length === 1) {
    const field = varName(args[0]);
    return field === undefined
      ? undefined
      : { kind: "rule", field, operator: op === "!!" ? "is_set" : "not_set", value: null };
  }
  if (op === "in" && args.length === 2) {
    const list = args[1];
    const listField = varName(list);
    if (listField !== undefined) {
      const value = literal(args[0]);
      if (value !== undefined && !Array.isArray(value))
        return { kind: "rule", field: listField, operator: "contains", value };
      return undefined;
    }
    const field = varName(args[0]);
    const values = literal(list);
    if (field !== undefined && Array.isArray(values))
      return { kind: "rule", field, operator: "one_of", value: values };
  }
  return undefined;
}

function parseNode(expr: unknown): ConditionNode | undefined {
  const node = operatorOf(expr);
  if (node !== undefined && (node.op === "and" || node.op === "or")) {
    const items: ConditionNode[] = [];
    for (const arg of node.args) {
      const item = parseNode(arg);
      if (item === undefined) return undefined;
      items.push(item);
    }
    return { kind: "group", join: node.op, items };
  }
  return parseRule(expr);
}

/**
 * The condition tree of a JSON Logic expression made by the menus (or written in the same
 * vocabulary): an empty group for no expression, undefined when it uses anything else.
 */
export function logicToCondition(expr: Expression | undefined): ConditionGroup | undefined {
  if (expr === undefined) return { kind: "group", join: "and", items: [] };
  const node = parseNode(expr);
  if (node === undefined) return undefined;
  return node.kind === "group" ? node : { kind: "group", join: "and", items: [node] };
}
