import { describe, expect, test } from "vitest";
import { compileSafePattern } from "./safe-regex.js";

describe("compileSafePattern", () => {
  test("a valid pattern matches anywhere unless anchored", () => {
    const compiled = compileSafePattern("^[A-Z]{2}\\d+$");
    if ("error" in compiled) throw new Error(compiled.error);
    expect(compiled.test("AB12")).toBe(true);
    expect(compiled.test("ab12")).toBe(false);
    const loose = compileSafePattern("b+");
    expect("test" in loose && loose.test("abba")).toBe(true);
  });

  test("a catastrophic pattern stays linear", () => {
    const compiled = compileSafePattern("^(a+)+$");
    if ("error" in compiled) throw new Error(compiled.error);
    const started = performance.now();
    expect(compiled.test(`${"a".repeat(100_000)}!`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test.each(["(", "(a)\\1", "(?=a)", "[z-a]"])("%j is reported, not thrown", (source) => {
    const compiled = compileSafePattern(source);
    expect("error" in compiled && compiled.error.length > 0).toBe(true);
  });
});
