import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dependencyOrder } from "./formula-order.js";

const node = (id: string, ...reads: string[]) => ({ id, reads });
const ids = (result: ReturnType<typeof dependencyOrder>) =>
  result.ok ? result.order.map((n) => n.id) : result.cycle;

describe("dependencyOrder", () => {
  test("every node after the nodes it reads; ties keep the given order", () => {
    expect(ids(dependencyOrder([node("c", "b"), node("a"), node("b", "a", "x"), node("d")]))).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(ids(dependencyOrder([node("d", "a", "b", "a"), node("b"), node("a")]))).toEqual(["b", "a", "d"]);
  });

  test("a cycle is reported in reading order", () => {
    const result = dependencyOrder([
      node("ok"),
      node("a", "b"),
      node("b", "c"),
      node("c", "a"),
      node("after", "a"),
    ]);
    expect(result.ok).toBe(false);
    expect(ids(result)).toEqual(["a", "b", "c"]);
    expect(ids(dependencyOrder([node("self", "self")]))).toEqual(["self"]);
  });

  test("any acyclic graph is ordered (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(30), { maxLength: 4 }), { maxLength: 30 }), (edges) => {
        // Node i reads only nodes with a smaller index: acyclic by construction; then shuffle.
        const nodes = edges.map((reads, i) =>
          node(`n${i}`, ...reads.filter((r) => r < i).map((r) => `n${r}`)),
        );
        const result = dependencyOrder([...nodes].reverse());
        expect(result.ok).toBe(true);
        const order = ids(result);
        for (const n of nodes)
          for (const read of n.reads) expect(order.indexOf(read)).toBeLessThan(order.indexOf(n.id));
      }),
    );
  });
});
