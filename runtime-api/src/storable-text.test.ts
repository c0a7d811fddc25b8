import { describe, expect, it } from "vitest";
import { unstorableTextPaths } from "./storable-text.js";

describe("unstorableTextPaths", () => {
  it("names every string and key with a NUL or a lone surrogate, as JSON Pointers", () => {
    const body = { data: { "a/b": "x\u0000", ok: "fine 😀", rows: [{ p: "\ud800" }], "k\u0000": 1 } };
    expect(unstorableTextPaths(body, "")).toEqual(["/data/a~1b", "/data/k\u0000", "/data/rows/0/p"]);
    expect(unstorableTextPaths({ q: "\udfff" }, "/query")).toEqual(["/query/q"]);
    expect(unstorableTextPaths({ title: "中文 ok" }, "")).toEqual([]);
  });

  it("walks deep values without recursion and ignores buffers", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextPaths(deep, "")).toHaveLength(1);
    expect(unstorableTextPaths(Buffer.from([0, 0, 0]), "")).toEqual([]);
  });
});
