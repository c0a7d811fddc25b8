import { describe, expect, it } from "vitest";
import { salesApp } from "../test-support.js";
import { createDefinitionStore } from "./definition-store.js";

const renamed = (name: string) => (d: ReturnType<typeof salesApp>) => ({
  ...d,
  name: { zh: name, en: name },
});

describe("definition store undo steps", () => {
  it("merges a run of same-key edits within a second, and splits on a pause or another key", () => {
    let clock = 0;
    const store = createDefinitionStore(salesApp(), () => clock);
    const edit = (name: string, key: string, at: number) => {
      clock = at;
      store.getState().edit(renamed(name), key);
    };
    edit("a", "name", 0);
    edit("ab", "name", 900);
    edit("abc", "name", 1800); // 900 ms after the previous one: still typing
    expect(store.getState().past).toHaveLength(1);
    edit("abcd", "name", 2800); // a 1 s pause starts a new step
    edit("x", "other", 2810);
    expect(store.getState().past).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().definition.name.zh).toBe("abc");
    store.getState().undo();
    expect(store.getState().definition.name.zh).toBe("销售");
  });
});
