import { describe, expect, it } from "vitest";
import { ExpressionError } from "../expression/index.js";
import { stage } from "../rules/test-app.js";
import { compilePipeline } from "./compile-pipeline.js";

describe("compilePipeline", () => {
  const pipeline = {
    initial: "a",
    stages: [
      stage("a", { moves: ["b"] }),
      stage("b", {
        guard: { ">": [{ var: "n" }, 1] },
        approval: {
          on: "enter" as const,
          steps: [
            { id: "s1", approvers: [{ type: "owner" as const }], mode: "any" as const, when: { var: "big" } },
            { id: "s2", approvers: [{ type: "manager" as const }], mode: "all" as const },
          ],
        },
      }),
    ],
  };

  it("indexes stages with their order, guards, moves and approval steps", () => {
    const compiled = compilePipeline("deal", pipeline);
    expect(compiled.formId).toBe("deal");
    expect(compiled.pipeline).toBe(pipeline);
    expect(compiled.order).toEqual(["a", "b"]);
    const a = compiled.stages.get("a");
    const b = compiled.stages.get("b");
    expect(a).toMatchObject({ index: 0, moves: new Set(["b"]) });
    expect(a).not.toHaveProperty("guard");
    expect(a).not.toHaveProperty("approval");
    expect(b?.index).toBe(1);
    expect(b?.guard?.({ n: 2 })).toBe(true);
    expect(b).not.toHaveProperty("moves");
    expect(b?.approval?.steps.map((s) => [s.step.id, typeof s.when])).toEqual([
      ["s1", "function"],
      ["s2", "undefined"],
    ]);
  });

  it("throws an ExpressionError for an invalid guard", () => {
    expect(() =>
      compilePipeline("deal", { initial: "a", stages: [stage("a", { guard: { bogus: 1 } })] }),
    ).toThrow(ExpressionError);
  });
});
