import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.js";
import { UNSUPPORTED_OPERATORS } from "./operator-table.js";

// The repo root is three levels up from engine/src/expression; `shared` sits beside it.
const repoRoot = new URL("../../../", import.meta.url);
const suitePath = fileURLToPath(new URL("../shared/conformance/jsonlogic-tests.json", repoRoot));
// Reading at load time makes a missing file fail the whole suite.
const suite: unknown = JSON.parse(readFileSync(suitePath, "utf8"));

type Case = readonly [rule: unknown, data: unknown, expected: unknown];

function isCase(entry: unknown): entry is Case {
  return Array.isArray(entry) && entry.length === 3;
}

/** Keys of every single-key object in a rule: the operators it uses. */
function operatorsOf(rule: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(rule)) for (const item of rule) operatorsOf(item, found);
  else if (typeof rule === "object" && rule !== null) {
    const keys = Object.keys(rule);
    if (keys.length === 1) found.add(keys[0]!);
    for (const value of Object.values(rule)) operatorsOf(value, found);
  }
  return found;
}

const entries: readonly unknown[] = Array.isArray(suite) ? suite : [];
const cases = entries.filter((entry) => typeof entry !== "string");
const runnable = cases
  .filter(isCase)
  .filter(([rule]) => ![...operatorsOf(rule)].some((op) => UNSUPPORTED_OPERATORS.has(op)));
const skipped = cases
  .filter(isCase)
  .filter(([rule]) => [...operatorsOf(rule)].some((op) => UNSUPPORTED_OPERATORS.has(op)));

describe("JSON Logic public test suite", () => {
  it("is present and every non-heading entry is a [rule, data, expected] case", () => {
    expect(Array.isArray(suite)).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(273);
    expect(cases.every(isCase)).toBe(true);
  });

  it("skips only cases that use log or method", () => {
    expect(runnable.length + skipped.length).toBe(cases.length);
    for (const [rule] of skipped) {
      const unsupported = [...operatorsOf(rule)].filter((op) => UNSUPPORTED_OPERATORS.has(op));
      expect(unsupported.every((op) => op === "log" || op === "method")).toBe(true);
    }
    console.info(`JSON Logic conformance: ${runnable.length} run, ${skipped.length} skipped (log/method)`);
  });

  runnable.forEach(([rule, data, expected], i) => {
    it(`case ${i + 1}: ${JSON.stringify(rule)} on ${JSON.stringify(data)}`, () => {
      expect(evaluate(rule, data)).toStrictEqual(expected);
    });
  });
});
