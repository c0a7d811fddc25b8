import { describe, expect, test } from "vitest";
import { field, isAbsent, issuesOf, stored } from "./test-forms.js";

describe("user, department, reference", () => {
  const owner = field("user", "owner");
  const team = field("department", "team", { multiple: true });
  const deal = field("reference", "deal", { form: "deal" });

  test("a single trimmed id", () => {
    expect(stored(owner, " u_1 ")).toBe("u_1");
    expect(stored(deal, "rec-9")).toBe("rec-9");
    expect(isAbsent(owner, "")).toBe(true);
    expect(issuesOf(owner, "  ")).toEqual(["/owner type"]);
    expect(issuesOf(owner, ["u_1"])).toEqual(["/owner type"]);
    expect(issuesOf(owner, 7)).toEqual(["/owner type"]);
    expect(issuesOf(owner, "u".repeat(129))).toEqual(["/owner max_length"]);
  });

  test("an array of distinct ids when multiple", () => {
    expect(stored(team, ["d1", " d2"])).toEqual(["d1", "d2"]);
    expect(isAbsent(team, [])).toBe(true);
    expect(issuesOf(team, "d1")).toEqual(["/team type"]);
    expect(issuesOf(team, ["d1", 2, "d1 "])).toEqual(["/team/1 type", "/team/2 unique_items"]);
    expect(
      issuesOf(
        team,
        Array.from({ length: 1001 }, (_, i) => `d${i}`),
      ),
    ).toEqual(["/team max_items"]);
  });
});
