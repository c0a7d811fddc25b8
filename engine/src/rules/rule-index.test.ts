import type { Rule } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { ExpressionError } from "../expression/index.js";
import { buildRuleIndex, ruleKey } from "./rule-index.js";
import { RULE_ERROR_CODES, RuleError } from "./rule-error.js";
import { text } from "./test-app.js";

const notify = [{ type: "notify" as const, to: [{ type: "owner" as const }], title: text("x") }];

describe("buildRuleIndex", () => {
  const rules: Rule[] = [
    { id: "a", trigger: { type: "record.created", form: "deal" }, actions: notify },
    { id: "b", enabled: false, trigger: { type: "record.created", form: "deal" }, actions: notify },
    { id: "c", trigger: { type: "stage.entered", form: "deal", stage: "won" }, actions: notify },
    { id: "d", trigger: { type: "stage.left", form: "deal" }, actions: notify },
    { id: "e", trigger: { type: "field.changed", form: "deal", fields: ["x", "y", "x"] }, actions: notify },
    { id: "f", trigger: { type: "date.offset", form: "deal", field: "end", days: -3 }, actions: notify },
    { id: "g", trigger: { type: "webhook" }, actions: notify },
    { id: "a", trigger: { type: "manual", form: "deal", label: text("dup") }, actions: notify },
    { id: "h", trigger: { type: "schedule", cron: "0 9 * * 1", timeZone: "UTC" }, actions: notify },
  ];
  const index = buildRuleIndex(rules);

  it("indexes enabled rules by type|form and finer keys, in definition order", () => {
    const keys = (key: string) => index.byKey.get(key)?.map((r) => r.id);
    expect(keys(ruleKey("record.created", "deal"))).toEqual(["a"]);
    expect(keys("stage.entered|deal|won")).toEqual(["c"]);
    expect(keys("stage.left|deal|*")).toEqual(["d"]);
    expect(keys("stage.left|deal")).toEqual(["d"]);
    expect(keys("field.changed|deal|x")).toEqual(["e"]);
    expect(keys("field.changed|deal|y")).toEqual(["e"]);
    expect(keys("date.offset|deal|end|-3")).toEqual(["f"]);
    expect(keys("webhook|")).toEqual(["g"]);
    expect(keys("manual|deal")).toEqual(["a"]);
  });

  it("keeps disabled rules for lookup by id (the first of a duplicated id wins)", () => {
    expect(index.rules.map((r) => [r.id, r.order, r.enabled])).toContainEqual(["b", 1, false]);
    expect(index.ruleById.get("b")?.enabled).toBe(false);
    expect(index.ruleById.get("a")?.rule.trigger.type).toBe("record.created");
    expect(index.schedules.map((s) => [s.rule.id, s.timeZone, s.cron.hours])).toEqual([["h", "UTC", [9]]]);
    expect(index.dateOffsets.map((d) => [d.rule.id, d.trigger.days])).toEqual([["f", -3]]);
  });

  it("throws coded errors for an invalid expression, cron or time zone", () => {
    const bad =
      (rule: Partial<Rule>): (() => void) =>
      () =>
        buildRuleIndex([
          { id: "bad", trigger: { type: "record.created", form: "deal" }, actions: notify, ...rule },
        ]);
    expect(bad({ when: { nope: [1] } })).toThrow(ExpressionError);
    expect(bad({ actions: [{ type: "set_field", field: "x", value: { var: "__proto__" } }] })).toThrow(
      ExpressionError,
    );
    expect(bad({ trigger: { type: "schedule", cron: "61 * * * *", timeZone: "UTC" } })).toThrow(
      expect.objectContaining({ code: "cron_invalid" }),
    );
    expect(bad({ trigger: { type: "schedule", cron: "0 9 * * *", timeZone: "Nowhere/City" } })).toThrow(
      expect.objectContaining({ code: "time_zone_invalid" }),
    );
    expect(
      bad({ trigger: { type: "date.offset", form: "d", field: "f", days: 1, timeZone: "Bad/Zone" } }),
    ).toThrow(RuleError);
  });

  it("documents every rule error code", () => {
    const error = new RuleError("increment_not_finite", "field x");
    expect(error).toMatchObject({ name: "RuleError", code: "increment_not_finite", params: {} });
    expect(error.message).toBe(`${RULE_ERROR_CODES.increment_not_finite}: field x`);
    expect(Object.keys(RULE_ERROR_CODES).sort()).toEqual([
      "cron_invalid",
      "increment_not_finite",
      "instant_invalid",
      "time_zone_invalid",
    ]);
  });
});
