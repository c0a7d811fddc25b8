import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { JsonValue } from "./common.js";
import { salesAppFixture } from "./test-fixtures.js";
import {
  DEFINITION_ERROR_CODES,
  validateDefinition,
  type DefinitionValidation,
} from "./validate-definition.js";

type Path = (string | number)[];

/** Every path to a value inside a JSON document (the root excluded). */
function allPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...allPaths(child, [...prefix, key])]);
}

function parentOf(doc: unknown, path: Path): Record<string | number, unknown> {
  let node = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return node;
}

const fixturePaths = allPaths(salesAppFixture());

/** The invariants of any answer: no throw (by reaching here), a consistent shape, catalogued codes. */
function checkAnswer(json: unknown, result: DefinitionValidation): void {
  if (result.valid) {
    expect(result.errors).toEqual([]);
    expect(result.definition).toBe(json);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
  }
  for (const issue of result.errors) {
    expect(Object.hasOwn(DEFINITION_ERROR_CODES, issue.code), issue.code).toBe(true);
    expect(issue.path === "" || issue.path.startsWith("/")).toBe(true);
    expect(typeof issue.message).toBe("string");
  }
}

/** Each fixture-based case validates a whole app: give the runs room beyond the 5 s default. */
const TIMEOUT = 60_000;

const anything = fc.anything({
  withNullPrototype: true,
  withSparseArray: true,
  key: fc.oneof(
    fc.string(),
    fc.constantFrom("__proto__", "constructor", "prototype", "type", "id", "form", "var"),
  ),
});

describe("validateDefinition never throws", () => {
  test(
    "for any JSON value",
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (json) => {
          checkAnswer(json, validateDefinition(json));
        }),
        { numRuns: Number(process.env["FC_RUNS"] ?? 500) },
      );
    },
    TIMEOUT,
  );

  test(
    "for any JSON text, parsed (own __proto__ keys included)",
    () => {
      fc.assert(
        fc.property(fc.json(), (text) => {
          const json: unknown = JSON.parse(text);
          checkAnswer(json, validateDefinition(json));
        }),
        { numRuns: Number(process.env["FC_RUNS"] ?? 300) },
      );
    },
    TIMEOUT,
  );

  test(
    "for the fixture with anything put at a random position",
    () => {
      fc.assert(
        fc.property(fc.nat(fixturePaths.length - 1), anything, (at, value) => {
          const doc = salesAppFixture();
          const path = fixturePaths[at]!;
          parentOf(doc, path)[path.at(-1)!] = value;
          checkAnswer(doc, validateDefinition(doc));
        }),
        { numRuns: Number(process.env["FC_RUNS"] ?? 400) },
      );
    },
    TIMEOUT,
  );

  test(
    "for the fixture with a random key removed or added",
    () => {
      fc.assert(
        fc.property(
          fc.nat(fixturePaths.length - 1),
          fc.boolean(),
          fc.string(),
          anything,
          (at, remove, key, value) => {
            const doc = salesAppFixture();
            const path = fixturePaths[at]!;
            const parent = parentOf(doc, path);
            // An array's own `length` cannot be redefined: that is JavaScript, not a definition.
            fc.pre(!(Array.isArray(parent) && key === "length"));
            if (remove) Reflect.deleteProperty(parent, path.at(-1)!);
            else if (typeof parent === "object")
              Object.defineProperty(parent, key, {
                value,
                enumerable: true,
                configurable: true,
                writable: true,
              });
            checkAnswer(doc, validateDefinition(doc));
          },
        ),
        { numRuns: Number(process.env["FC_RUNS"] ?? 300) },
      );
    },
    TIMEOUT,
  );

  test(
    "for any JSON in every expression position (the schema lets any JSON through there)",
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (when, visible, formula) => {
          const doc = salesAppFixture();
          // fast-check's JSON types are readonly; the definition's are mutable: same values.
          doc.rules![0]!.when = when as JsonValue;
          doc.forms[0]!.fields[0]!.visibleWhen = visible as JsonValue;
          const field = doc.forms[2]!.fields.find((f) => f.type === "formula");
          if (field?.type === "formula") field.expression = formula as JsonValue;
          checkAnswer(doc, validateDefinition(doc));
        }),
        { numRuns: Number(process.env["FC_RUNS"] ?? 300) },
      );
    },
    TIMEOUT,
  );

  test(
    "for expressions that read fields through operators, nested anyhow",
    () => {
      const leaf = fc.oneof(
        fc.constantFrom(
          "amount",
          "discount",
          "_stage",
          "title",
          "nope",
          "a.b.c",
          "__proto__",
          "line_items.0.qty",
        ),
        fc.integer(),
      );
      const expression = fc.letrec((tie) => ({
        node: fc.oneof(
          { depthSize: "small" },
          leaf.map((v) => ({ var: v })),
          fc.constantFrom("quote_count", "open_deal_total").map((id) => ({ aggregate: id })),
          fc
            .tuple(
              fc.constantFrom("+", "and", "if", "sum_of", "map", "log", "==", "cat"),
              fc.array(tie("node"), { maxLength: 3 }),
            )
            .map(([op, args]) => ({ [op]: args })),
        ),
      })).node;
      fc.assert(
        fc.property(expression, (expr) => {
          const doc = salesAppFixture();
          doc.rules![2]!.when = expr as never;
          checkAnswer(doc, validateDefinition(doc));
        }),
        { numRuns: Number(process.env["FC_RUNS"] ?? 300) },
      );
    },
    TIMEOUT,
  );
});
