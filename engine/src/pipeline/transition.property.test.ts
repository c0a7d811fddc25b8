import type { Expression, Pipeline, Stage } from "@stagecraft/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileExpression, truthy } from "../expression/index.js";
import { isEmptyValue } from "../form/field-value.js";
import { expressionData, type RecordState } from "../record-state.js";
import { form, NOW, testApp } from "../rules/test-app.js";
import { transition } from "./transition.js";

const FIELDS = ["a", "b", "c", "n"] as const;
const STAGES = ["s0", "s1", "s2", "s3", "s4"] as const;

const guardArb: fc.Arbitrary<Expression> = fc.oneof(
  fc.integer({ min: -3, max: 3 }).map((k) => ({ ">": [{ var: "n" }, k] })),
  fc.constantFrom(...FIELDS).map((f) => ({ "!!": { var: f } })),
  fc.constantFrom("x", "y").map((v) => ({ "==": [{ var: "a" }, v] })),
  fc.constantFrom(...STAGES).map((s) => ({ "!=": [{ var: "_stage" }, s] })),
  fc.constant<Expression>({ var: { cat: ["__pro", "to__"] } }),
);

const approvalArb = fc.record({
  on: fc.constantFrom("enter" as const, "leave" as const),
  steps: fc.array(
    fc
      .record({ id: fc.constantFrom("p", "q"), when: guardArb }, { requiredKeys: ["id"] })
      .map((s) => ({ ...s, approvers: [{ type: "owner" as const }], mode: "any" as const })),
    { minLength: 1, maxLength: 2 },
  ),
});

const stageArb = (id: string): fc.Arbitrary<Stage> =>
  fc
    .record(
      {
        requires: fc.subarray([...FIELDS]),
        guard: guardArb,
        terminal: fc.constantFrom("won" as const, "lost" as const),
        moves: fc.subarray([...STAGES]),
        approval: approvalArb,
      },
      { requiredKeys: [] },
    )
    .map((extra) => ({ id, name: { zh: id, en: id }, ...extra }));

const pipelineArb: fc.Arbitrary<Pipeline> = fc
  .tuple(...STAGES.map(stageArb))
  .map((stages) => ({ initial: "s0", stages }));

const valueArb = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.constant([]),
  fc.constantFrom("x", "y", ["z"]),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
);

const recordArb: fc.Arbitrary<RecordState> = fc
  .record({
    data: fc.dictionary(fc.constantFrom(...FIELDS), valueArb),
    stage: fc.constantFrom<string | undefined>(...STAGES, "gone", undefined),
    closedAt: fc.constantFrom<string | undefined>(undefined, "2026-01-01T00:00:00Z"),
  })
  .map(({ data, stage, closedAt }) => ({
    id: "r",
    formId: "f",
    data,
    ...(stage !== undefined ? { stage } : {}),
    ...(closedAt !== undefined ? { closedAt } : {}),
  }));

const targetArb = fc.constantFrom<string>(...STAGES, "unknown");
const approvedArb = fc.boolean();

describe("transition properties", () => {
  it("never lets a record reach a stage whose requires or guard fail", () => {
    fc.assert(
      fc.property(pipelineArb, recordArb, targetArb, approvedArb, (pipeline, record, to, approved) => {
        const app = testApp({ forms: [form("f", [...FIELDS], pipeline)] });
        const result = transition(app, record, to, { now: NOW }, { approved });
        if (approved) expect(result.status).not.toBe("approval_required");
        if (result.status !== "moved") return;
        const target = pipeline.stages.find((s) => s.id === to);
        expect(target).toBeDefined();
        for (const field of target?.requires ?? []) expect(isEmptyValue(record.data[field])).toBe(false);
        if (target?.guard !== undefined) {
          const guard = compileExpression(target.guard);
          expect(truthy(guard(expressionData(record), { now: NOW, timeZone: "UTC" }))).toBe(true);
        }
        expect(result.next.stage).toBe(to);
        expect(result.next.closedAt !== undefined).toBe(target?.terminal !== undefined);
      }),
      { numRuns: 500 },
    );
  });

  it("never changes the record when an approval is required", () => {
    fc.assert(
      fc.property(pipelineArb, recordArb, targetArb, (pipeline, record, to) => {
        const app = testApp({ forms: [form("f", [...FIELDS], pipeline)] });
        const snapshot = structuredClone(record);
        const result = transition(app, record, to, { now: NOW });
        expect(record).toEqual(snapshot);
        if (result.status !== "approval_required") return;
        expect(result).not.toHaveProperty("next");
        expect(result.effects.length).toBeGreaterThan(0);
        for (const effect of result.effects) expect(effect).toMatchObject({ type: "request_approval", to });
      }),
      { numRuns: 500 },
    );
  });
});
