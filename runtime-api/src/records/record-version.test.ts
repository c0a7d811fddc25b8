import { describe, expect, it } from "vitest";
import { HttpProblem } from "../problem.js";
import { etagOf, parseIfMatch, staleVersion } from "./record-version.js";

describe("If-Match", () => {
  it("reads a version bare, quoted or weak", () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch("3")).toBe(3);
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch(' "7" ')).toBe(7);
    expect(parseIfMatch(etagOf(42))).toBe(42);
  });

  it("refuses anything else with 400", () => {
    for (const header of ["*", "", "0", "abc", '"1", "2"', "99999999999", "1.5", ["1", "2"]]) {
      expect(() => parseIfMatch(header), String(header)).toThrow(HttpProblem);
    }
  });

  it("answers 409 with the current version", () => {
    const problem = staleVersion(4, 2);
    expect(problem.status).toBe(409);
    expect(problem.headers).toEqual({ ETag: '"4"' });
    expect(problem.errors[0]?.params).toEqual({ currentVersion: 4, expectedVersion: 2 });
  });
});
