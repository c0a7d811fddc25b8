/**
 * Compiles a JSON Logic expression once into nested closures: the tree is validated and walked a
 * single time; evaluation never re-parses it and never uses eval, new Function or vm. Literal
 * arrays are copied and frozen at compile time, so neither the caller's later edits to the
 * expression nor edits to a returned literal can change what the compiled closure computes.
 */
import type { EvalContext } from "./eval-context.js";
import { ExpressionError } from "./expression-error.js";
import { isArray, isPlainObject } from "./json-guards.js";
import { childPointer } from "./json-pointer.js";
import type { CompiledArg, Evaluator } from "./operator-definition.js";
import { badArguments } from "./operator-definition.js";
import { OPERATOR_LOOKUP, UNSUPPORTED_OPERATORS } from "./operator-table.js";

/** A compiled expression: evaluate against data (and the context for dates and aggregates). */
export type CompiledExpression = (data: unknown, ctx?: EvalContext) => unknown;

/** Options of compileExpression. */
export interface CompileOptions {
  /** Deepest nesting of operations and literal arrays allowed; default DEFAULT_MAX_DEPTH. */
  readonly maxDepth?: number;
}

/** The default nesting limit of an expression. */
export const DEFAULT_MAX_DEPTH = 32;

const MAX_SHOWN_NAME = 40;

function constant(value: unknown, pointer: string): CompiledArg {
  return { run: () => value, constant: true, value, pointer };
}

function notSerializable(pointer: string, what: string): ExpressionError {
  return new ExpressionError("EXPR_NOT_SERIALIZABLE", pointer, `${what} is not a JSON value`);
}

function describeArity(min: number, max: number): string {
  if (min === max) return `exactly ${min}`;
  return max === Infinity ? `at least ${min}` : `${min} to ${max}`;
}

class Compiler {
  constructor(private readonly maxDepth: number) {}

  /** Compiles a node sitting inside `level` containers. */
  node(node: unknown, pointer: string, level: number): CompiledArg {
    if (node === null || typeof node === "string" || typeof node === "boolean")
      return constant(node, pointer);
    if (typeof node === "number") {
      if (!Number.isFinite(node)) throw notSerializable(pointer, String(node));
      return constant(node, pointer);
    }
    if (typeof node !== "object") throw notSerializable(pointer, `a value of type ${typeof node}`);
    if (level >= this.maxDepth) {
      throw new ExpressionError("EXPR_TOO_DEEP", pointer, `nesting exceeds the limit of ${this.maxDepth}`);
    }
    if (isArray(node)) return this.array(node, pointer, level + 1);
    if (!isPlainObject(node)) throw notSerializable(pointer, "an instance of a class");
    return this.operation(node, pointer, level + 1);
  }

  /** A literal array: its elements are evaluated; an all-literal array is a frozen constant. */
  private array(node: readonly unknown[], pointer: string, level: number): CompiledArg {
    const elements = this.list(node, pointer, level);
    if (elements.every((element) => element.constant)) {
      return constant(Object.freeze(elements.map((element) => element.value)), pointer);
    }
    const runs = elements.map((element) => element.run);
    const run: Evaluator = (data, ctx) => runs.map((each) => each(data, ctx));
    return { run, constant: false, value: undefined, pointer };
  }

  /** Compiles array items by index, so holes are caught instead of skipped. */
  private list(items: readonly unknown[], pointer: string, level: number): CompiledArg[] {
    const compiled: CompiledArg[] = [];
    for (let i = 0; i < items.length; i++)
      compiled.push(this.node(items[i], childPointer(pointer, i), level));
    return compiled;
  }

  private operation(node: Readonly<Record<string, unknown>>, pointer: string, level: number): CompiledArg {
    const keys = Object.keys(node);
    const [name] = keys;
    if (name === undefined || keys.length > 1) {
      throw badArguments(pointer, `an operation is an object with exactly one key, found ${keys.length}`);
    }
    const definition = OPERATOR_LOOKUP.get(name);
    if (definition === undefined) {
      const shown = name.length > MAX_SHOWN_NAME ? `${name.slice(0, MAX_SHOWN_NAME)}…` : name;
      const reason = UNSUPPORTED_OPERATORS.get(name);
      const detail = reason === undefined ? "is not a supported operator" : `is not supported: ${reason}`;
      throw new ExpressionError("EXPR_UNKNOWN_OPERATOR", pointer, `"${shown}" ${detail}`);
    }
    const argsPointer = childPointer(pointer, name);
    // Read the descriptor rather than the property so that a getter never runs.
    const descriptor = Object.getOwnPropertyDescriptor(node, name);
    if (descriptor?.get !== undefined) throw notSerializable(argsPointer, "an accessor property");
    const raw: unknown = descriptor?.value;
    const args = isArray(raw) ? this.list(raw, argsPointer, level) : [this.node(raw, argsPointer, level)];
    if (args.length < definition.minArgs || args.length > definition.maxArgs) {
      const arity = describeArity(definition.minArgs, definition.maxArgs);
      throw badArguments(pointer, `"${name}" takes ${arity} argument(s), got ${args.length}`);
    }
    const run = definition.compile(args, { name, pointer, argsPointer });
    return { run, constant: false, value: undefined, pointer };
  }
}

/** Compiles an expression to a reusable closure; throws ExpressionError for an invalid one. */
export function compileExpression(expr: unknown, options?: CompileOptions): CompiledExpression {
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxDepth must be a positive integer, got ${String(maxDepth)}`);
  }
  return new Compiler(maxDepth).node(expr, "", 0).run;
}
