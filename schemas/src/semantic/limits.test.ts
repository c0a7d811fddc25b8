import { describe, expect, test } from "vitest";
import { salesAppFixture } from "../test-fixtures.js";
import { problems } from "../test-helpers.js";
import { checkLimits, DEFINITION_LIMITS } from "./limits.js";

describe("checkLimits", () => {
  test("the fixture is within the limits", () => {
    expect(checkLimits(salesAppFixture())).toEqual([]);
  });

  test("an app without rules", () => {
    const app = salesAppFixture();
    delete app.rules;
    expect(checkLimits(app)).toEqual([]);
  });

  test("more rules than the limit", () => {
    const app = salesAppFixture();
    const rule = app.rules![0]!;
    app.rules = Array.from({ length: DEFINITION_LIMITS.rules + 1 }, (_, i) => ({ ...rule, id: `rule_${i}` }));
    expect(checkLimits(app)).toEqual([
      {
        path: "/rules",
        code: "too_many_rules",
        message: "1001 rules; at most 1000 are allowed",
        params: { count: 1001, limit: 1000 },
      },
    ]);
    // The JSON Schema caps the list too, so validateDefinition reports it structurally first.
    expect(problems(app)).toEqual(["max_items /rules"]);
  });
});
