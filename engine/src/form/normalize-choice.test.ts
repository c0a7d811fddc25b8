import { describe, expect, test } from "vitest";
import { field, isAbsent, issuesOf, options, stored, submitOne } from "./test-forms.js";

describe("boolean", () => {
  const flag = field("boolean", "flag");

  test("booleans and their text", () => {
    expect(stored(flag, true)).toBe(true);
    expect(stored(flag, false)).toBe(false);
    expect(stored(flag, "true")).toBe(true);
    expect(stored(flag, "false")).toBe(false);
    expect(isAbsent(flag, "")).toBe(true);
    expect(issuesOf(flag, 1)).toEqual(["/flag type"]);
    expect(issuesOf(flag, "yes")).toEqual(["/flag type"]);
  });
});

describe("select", () => {
  const tier = field("select", "tier", { options: options("a", "b", "c") });

  test("one option value", () => {
    expect(stored(tier, "b")).toBe("b");
    expect(isAbsent(tier, "")).toBe(true);
    expect(issuesOf(tier, "d")).toEqual(["/tier option"]);
    expect(issuesOf(tier, ["a"])).toEqual(["/tier type"]);
    const result = submitOne(tier, "d");
    expect(result.ok ? undefined : result.errors[0]?.params).toEqual({ value: "d" });
  });

  test("option values are not looked up through prototypes", () => {
    expect(issuesOf(tier, "toString")).toEqual(["/tier option"]);
    expect(issuesOf(tier, "__proto__")).toEqual(["/tier option"]);
  });
});

describe("multiselect", () => {
  const tags = field("multiselect", "tags", { options: options("x", "y", "z", "w") });

  test("an array of distinct options; [] is absent", () => {
    expect(stored(tags, ["z", "x"])).toEqual(["z", "x"]);
    expect(isAbsent(tags, [])).toBe(true);
  });

  test("every bad item is reported at its index", () => {
    expect(issuesOf(tags, ["x", 1, "q", "x"])).toEqual([
      "/tags/1 type",
      "/tags/2 option",
      "/tags/3 unique_items",
    ]);
    expect(issuesOf(tags, "x")).toEqual(["/tags type"]);
  });

  test("minSelected and maxSelected", () => {
    const bounded = field("multiselect", "tags", {
      options: options("x", "y", "z", "w"),
      minSelected: 2,
      maxSelected: 3,
    });
    expect(issuesOf(bounded, ["x"])).toEqual(["/tags min_items"]);
    expect(issuesOf(bounded, ["x", "y", "z", "w"])).toEqual(["/tags max_items"]);
    expect(stored(bounded, ["x", "y", "z"])).toEqual(["x", "y", "z"]);
  });

  test("more items than options are refused before scanning them", () => {
    expect(
      issuesOf(
        tags,
        Array.from({ length: 100_000 }, () => "x"),
      ),
    ).toEqual(["/tags max_items"]);
  });

  test("the stored array is a copy", () => {
    const input = ["x"];
    const value = stored(tags, input);
    expect(value).not.toBe(input);
  });
});
