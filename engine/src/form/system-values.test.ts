import { describe, expect, it } from "vitest";
import type { Form } from "@stagecraft/schemas";
import { compileForm } from "./compile-form.js";
import { computeFormulas } from "./compute-record.js";
import { submit } from "./submit.js";
import { readOnlyFields, visibleFields } from "./visibility.js";

const t = (s: string) => ({ zh: s, en: s });
const form: Form = {
  id: "deal",
  name: t("deal"),
  fields: [
    { id: "amount", type: "money", label: t("amount") },
    {
      id: "weighted",
      type: "formula",
      label: t("weighted"),
      resultType: "money",
      expression: { "*": [{ var: "amount" }, { case: [{ var: "_stage" }, "proposal", 0.5, "won", 1, 0.1] }] },
    },
    {
      id: "cycle_days",
      type: "formula",
      label: t("cycle"),
      resultType: "number",
      expression: { days_between: [{ var: "_created_at" }, { var: "_closed_at" }] },
    },
    {
      id: "lost_reason",
      type: "text",
      label: t("why"),
      required: true,
      visibleWhen: { "==": [{ var: "_stage" }, "lost"] },
    },
    { id: "locked_note", type: "text", label: t("note"), readOnlyWhen: { "==": [{ var: "_owner" }, "u9"] } },
  ],
};
const compiled = compileForm(form);
const now = "2026-11-23T00:00:00Z";

describe("system columns in formulas and conditions", () => {
  it("lets formulas read the stage and the record's times, and keeps them out of the data", () => {
    const result = submit(
      compiled,
      { amount: 1000 },
      {
        now,
        record: {
          id: "r1",
          stage: "proposal",
          createdAt: "2026-11-01T00:00:00Z",
          closedAt: "2026-11-11T00:00:00Z",
        },
      },
    );
    expect(result).toEqual({ ok: true, data: { amount: 1000, weighted: 500, cycle_days: 10 } });
  });

  it("reads null for system columns when the context has none", () => {
    const result = submit(compiled, { amount: 1000 }, { now });
    expect(result).toEqual({ ok: true, data: { amount: 1000, weighted: 100, cycle_days: null } });
  });

  it("makes stage-dependent fields visible and required", () => {
    const lost = submit(compiled, { amount: 1 }, { now, record: { stage: "lost" } });
    expect(lost.ok).toBe(false);
    if (!lost.ok) expect(lost.errors.map((e) => e.path)).toEqual(["/lost_reason"]);
    expect(
      visibleFields(compiled, { amount: 1 }, { now, record: { stage: "lost" } }).has("lost_reason"),
    ).toBe(true);
    expect(
      visibleFields(compiled, { amount: 1 }, { now, record: { stage: "proposal" } }).has("lost_reason"),
    ).toBe(false);
  });

  it("serves the live preview and read-only checks the same way", () => {
    expect(computeFormulas(compiled, { amount: 10 }, { now, record: { stage: "won" } })).toEqual({
      amount: 10,
      weighted: 10,
      cycle_days: null,
    });
    expect(readOnlyFields(compiled, {}, { now, record: { ownerId: "u9" } }).has("locked_note")).toBe(true);
    expect(readOnlyFields(compiled, {}, { now }).has("locked_note")).toBe(false);
  });
});
