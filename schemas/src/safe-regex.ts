import { RE2JS } from "re2js";

/** A compiled admin-written pattern that matches in linear time (RE2 semantics, no backtracking). */
export interface SafePattern {
  test(input: string): boolean;
}

/** Compile an RE2 pattern; returns an error message instead of throwing for a bad pattern. */
export function compileSafePattern(source: string): SafePattern | { error: string } {
  try {
    const re = RE2JS.compile(source);
    return { test: (input: string) => re.matcher(input).find() };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
