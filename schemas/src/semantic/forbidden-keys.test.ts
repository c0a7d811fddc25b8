import { describe, expect, test } from "vitest";
import { findForbiddenKeys } from "./forbidden-keys.js";

describe("findForbiddenKeys", () => {
  test("nothing forbidden in plain JSON", () => {
    expect(findForbiddenKeys({ a: [1, { b: null }], c: "constructor" })).toEqual([]);
    expect(findForbiddenKeys(null)).toEqual([]);
    expect(findForbiddenKeys("__proto__")).toEqual([]);
  });

  test("JSON.parse makes __proto__ an own key, found at any depth, in document order", () => {
    const doc: unknown = JSON.parse(
      '{"__proto__": {"x": 1}, "a": [{"constructor": 1}, {"b": {"prototype": 2, "c/d": {"__proto__": 3}}}]}',
    );
    expect(findForbiddenKeys(doc).map((i) => i.path)).toEqual([
      "/__proto__",
      "/a/0/constructor",
      "/a/1/b/prototype",
      "/a/1/b/c~1d/__proto__",
    ]);
    expect(findForbiddenKeys(doc)[0]).toEqual({
      path: "/__proto__",
      code: "forbidden_key",
      message: 'the key "__proto__" is not allowed: it reaches object prototypes',
      params: { key: "__proto__" },
    });
  });

  test("does not descend into a forbidden key's value", () => {
    const doc: unknown = JSON.parse('{"constructor": {"prototype": 1}}');
    expect(findForbiddenKeys(doc).map((i) => i.path)).toEqual(["/constructor"]);
  });

  test("a document nested far deeper than the call stack", () => {
    let doc: unknown = JSON.parse('{"prototype": true}');
    for (let i = 0; i < 100_000; i++) doc = [doc];
    const [found] = findForbiddenKeys(doc);
    expect(found?.path.endsWith("/0/0/prototype")).toBe(true);
  });

  test("regression (fast-check seed): sparse arrays, whose holes have no entry", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(findForbiddenKeys({ a: [, JSON.parse('{"constructor": 1}')] }).map((i) => i.path)).toEqual([
      "/a/1/constructor",
    ]);
  });

  test("shared and cyclic references terminate", () => {
    const shared = { ok: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic["self"] = cyclic;
    expect(findForbiddenKeys(cyclic)).toEqual([]);
  });
});
