/**
 * JSON Logic's data access: var, missing, missing_some. Literal paths are parsed (and checked for
 * forbidden segments) once at compile time; computed paths are parsed and checked on each run.
 */
import type { DataPath } from "./data-path.js";
import { parseDataPath, pathText, readPath, readSegment } from "./data-path.js";
import type { EvalContext } from "./eval-context.js";
import { looseCompare } from "./json-coercion.js";
import { childPointer } from "./json-pointer.js";
import { isArray } from "./json-guards.js";
import type { CompiledArg, Evaluator, OperatorGroup, OperatorSite } from "./operator-definition.js";
import { ABSENT, runAll } from "./operator-definition.js";

/** Names of the data operators. */
export type DataOperatorName = "var" | "missing" | "missing_some";

/** A key of missing/missing_some with its parsed path (null: the whole data). */
interface RequiredKey {
  readonly key: unknown;
  readonly path: DataPath | null;
}

function parseKey(key: unknown, pointer: string): RequiredKey {
  const text = pathText(key);
  return { key, path: text === null ? null : parseDataPath(text, pointer) };
}

/** JSON Logic's `missing` takes its first argument as the key list when that is an array. */
function selectKeys(values: readonly unknown[]): readonly unknown[] {
  const [first] = values;
  return isArray(first) ? first : values;
}

/** The keys whose value is null, "" or absent, in order. */
function missingKeys(keys: readonly RequiredKey[], data: unknown): unknown[] {
  const missing: unknown[] = [];
  for (const { key, path } of keys) {
    const value = path === null ? data : (readPath(data, path) ?? null);
    if (value === null || value === "") missing.push(key);
  }
  return missing;
}

function compileVar([path = ABSENT, fallback = ABSENT]: readonly CompiledArg[]): Evaluator {
  const otherwise = fallback.run;
  // JSON Logic's not_found: the default, or null when there is none.
  const notFound = (data: unknown, ctx?: EvalContext): unknown => otherwise(data, ctx) ?? null;
  if (!path.constant) {
    const name = path.run;
    return (data, ctx) => {
      const text = pathText(name(data, ctx));
      if (text === null) return data;
      const value = readPath(data, parseDataPath(text, path.pointer));
      return value === undefined ? notFound(data, ctx) : value;
    };
  }
  const text = pathText(path.value);
  if (text === null) return (data) => data;
  const segments = parseDataPath(text, path.pointer);
  const [only] = segments;
  if (fallback.constant) {
    const constant = fallback.value ?? null;
    // One segment ("qty") is the common case: skip the loop.
    if (only !== undefined && segments.length === 1) {
      return (data) => {
        const value = readSegment(data, only);
        return value === undefined ? constant : value;
      };
    }
    return (data) => {
      const value = readPath(data, segments);
      return value === undefined ? constant : value;
    };
  }
  return (data, ctx) => {
    const value = readPath(data, segments);
    return value === undefined ? notFound(data, ctx) : value;
  };
}

function compileMissing(args: readonly CompiledArg[], site: OperatorSite): Evaluator {
  if (args.every((arg) => arg.constant)) {
    const [first = ABSENT] = args;
    const keys = isArray(first.value)
      ? first.value.map((key, i) => parseKey(key, childPointer(first.pointer, i)))
      : args.map((arg) => parseKey(arg.value, arg.pointer));
    return (data) => missingKeys(keys, data);
  }
  const runs = args.map((arg) => arg.run);
  return (data, ctx) => {
    const keys = selectKeys(runAll(runs, data, ctx)).map((key) => parseKey(key, site.argsPointer));
    return missingKeys(keys, data);
  };
}

/** The options' count as JSON Logic reads `options.length`. */
function optionCount(options: unknown): number {
  return isArray(options) || typeof options === "string" ? options.length : NaN;
}

function compileMissingSome(args: readonly CompiledArg[], site: OperatorSite): Evaluator {
  const [need = ABSENT, options = ABSENT] = args;
  const needed = need.run;
  const prepare = (value: unknown, pointer: string): readonly RequiredKey[] =>
    isArray(value) ? selectKeys(value).map((key) => parseKey(key, pointer)) : [parseKey(value, pointer)];
  const constantKeys = options.constant ? prepare(options.value, options.pointer) : null;
  const count = optionCount(options.value);
  return (data, ctx) => {
    const minimum = needed(data, ctx);
    const value = constantKeys === null ? options.run(data, ctx) : options.value;
    const keys = constantKeys ?? prepare(value, site.argsPointer);
    const missing = missingKeys(keys, data);
    const present = (constantKeys === null ? optionCount(value) : count) - missing.length;
    return looseCompare(present, minimum) >= 0 ? [] : missing;
  };
}

/** Handlers of the data operators. */
export const DATA_OPERATORS: OperatorGroup<DataOperatorName> = {
  var: { minArgs: 0, maxArgs: 2, compile: compileVar },
  missing: { minArgs: 0, maxArgs: Infinity, compile: compileMissing },
  missing_some: { minArgs: 2, maxArgs: 2, compile: compileMissingSome },
};
