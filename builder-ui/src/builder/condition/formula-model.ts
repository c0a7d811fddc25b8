import type { Expression, JsonValue } from "@stagecraft/schemas";
import { conditionToLogic, logicToCondition, type ConditionGroup } from "./condition-model.js";
import { isRecord } from "../shared/json-guards.js";

/** A value in a formula: a field of the record, a number, or today's date. */
export type Operand =
  { kind: "field"; field: string } | { kind: "number"; value: number } | { kind: "today" };

export const ARITHMETIC = ["+", "-", "*", "/"] as const;
export type Arithmetic = (typeof ARITHMETIC)[number];

/** The formulas the menus build. */
export type FormulaModel =
  | { kind: "arithmetic"; first: Operand; rest: { op: Arithmetic; operand: Operand }[] }
  | { kind: "sum_of"; subform: string; column: string }
  | { kind: "days_between"; from: Operand; to: Operand }
  | { kind: "if"; condition: ConditionGroup; then: Operand; otherwise: Operand };

function operandLogic(operand: Operand): JsonValue {
  if (operand.kind === "field") return { var: operand.field };
  if (operand.kind === "today") return { today: [] };
  return operand.value;
}

/** The JSON Logic expression of a formula model (division by zero gives empty, not an error). */
export function formulaToLogic(model: FormulaModel): Expression {
  switch (model.kind) {
    case "arithmetic":
      return model.rest.reduce<JsonValue>((left, { op, operand }) => {
        const right = operandLogic(operand);
        return op === "/" ? { div: [left, right] } : { [op]: [left, right] };
      }, operandLogic(model.first));
    case "sum_of":
      return { sum_of: [{ var: model.subform }, { var: model.column }] };
    case "days_between":
      return { days_between: [operandLogic(model.from), operandLogic(model.to)] };
    case "if":
      return {
        if: [
          conditionToLogic(model.condition) ?? true,
          operandLogic(model.then),
          operandLogic(model.otherwise),
        ],
      };
  }
}

function single(expr: unknown): { op: string; args: unknown[] } | undefined {
  if (!isRecord(expr)) return undefined;
  const keys = Object.keys(expr);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) return undefined;
  const raw = expr[op];
  return { op, args: Array.isArray(raw) ? raw : [raw] };
}

function parseOperand(expr: unknown): Operand | undefined {
  if (typeof expr === "number") return { kind: "number", value: expr };
  const node = single(expr);
  if (node?.op === "today" && node.args.length === 0) return { kind: "today" };
  if (node?.op === "var" && typeof node.args[0] === "string" && node.args.length === 1)
    return { kind: "field", field: node.args[0] };
  return undefined;
}

function parseChain(expr: unknown): FormulaModel | undefined {
  const operand = parseOperand(expr);
  if (operand !== undefined) return { kind: "arithmetic", first: operand, rest: [] };
  const node = single(expr);
  if (node === undefined || node.args.length !== 2) return undefined;
  const op: Arithmetic | undefined =
    node.op === "div" ? "/" : node.op === "+" || node.op === "-" || node.op === "*" ? node.op : undefined;
  if (op === undefined) return undefined;
  const left = parseChain(node.args[0]);
  const right = parseOperand(node.args[1]);
  if (left?.kind !== "arithmetic" || right === undefined) return undefined;
  return { ...left, rest: [...left.rest, { op, operand: right }] };
}

/** The model of a formula expression made by the menus; undefined for anything else. */
export function logicToFormula(expr: Expression): FormulaModel | undefined {
  const node = single(expr);
  if (node?.op === "sum_of" && node.args.length === 2) {
    const rows = parseOperand(node.args[0]);
    const column = parseOperand(node.args[1]);
    if (rows?.kind === "field" && column?.kind === "field")
      return { kind: "sum_of", subform: rows.field, column: column.field };
    return undefined;
  }
  if (node?.op === "days_between" && node.args.length === 2) {
    const from = parseOperand(node.args[0]);
    const to = parseOperand(node.args[1]);
    return from !== undefined && to !== undefined ? { kind: "days_between", from, to } : undefined;
  }
  if (node?.op === "if" && node.args.length === 3) {
    const condition: ConditionGroup | undefined =
      node.args[0] === true
        ? { kind: "group", join: "and", items: [] }
        : logicToCondition(asExpression(node.args[0]));
    const then = parseOperand(node.args[1]);
    const otherwise = parseOperand(node.args[2]);
    if (condition === undefined || then === undefined || otherwise === undefined) return undefined;
    return { kind: "if", condition, then, otherwise };
  }
  return parseChain(expr);
}

function asExpression(value: unknown): Expression | undefined {
  return isJson(value) ? value : undefined;
}

function isJson(value: unknown): value is JsonValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return true;
  if (Array.isArray(value)) return value.every(isJson);
  return isRecord(value) && Object.values(value).every(isJson);
}
