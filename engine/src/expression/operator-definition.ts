/** The contract between the compiler and the operator handlers. */
import type { ExpressionOperator } from "@stagecraft/schemas";
import type { EvalContext } from "./eval-context.js";
import { ExpressionError } from "./expression-error.js";

/** A compiled node: evaluates against the current data (the record, or a row inside row operators). */
export type Evaluator = (data: unknown, ctx?: EvalContext) => unknown;

/** A compiled argument; `constant` arguments (literals) expose their value for compile-time checks. */
export interface CompiledArg {
  readonly run: Evaluator;
  readonly constant: boolean;
  /** The literal value when `constant`, else undefined. */
  readonly value: unknown;
  /** JSON Pointer of the argument inside the expression. */
  readonly pointer: string;
}

/** Where an operation sits in the expression, for error paths. */
export interface OperatorSite {
  readonly name: string;
  /** JSON Pointer of the operation object. */
  readonly pointer: string;
  /** JSON Pointer of its argument value (the array, or the single argument). */
  readonly argsPointer: string;
}

/** One whitelisted operator: its arity and how it compiles to a closure. */
export interface OperatorDefinition {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly compile: (args: readonly CompiledArg[], site: OperatorSite) => Evaluator;
}

/** Handlers of a group of operators; naming an operator the schemas whitelist lacks is a type error. */
export type OperatorGroup<Name extends ExpressionOperator> = Readonly<Record<Name, OperatorDefinition>>;

const absent: Evaluator = () => undefined;

/** Stands for a missing argument: evaluates to undefined, as a missing argument does in JSON Logic. */
export const ABSENT: CompiledArg = Object.freeze({
  run: absent,
  constant: true,
  value: undefined,
  pointer: "",
});

/** An EXPR_BAD_ARGUMENTS error. */
export function badArguments(pointer: string, detail: string): ExpressionError {
  return new ExpressionError("EXPR_BAD_ARGUMENTS", pointer, detail);
}

/** Evaluates every argument in order. */
export function runAll(runs: readonly Evaluator[], data: unknown, ctx?: EvalContext): unknown[] {
  const values: unknown[] = [];
  for (const run of runs) values.push(run(data, ctx));
  return values;
}
