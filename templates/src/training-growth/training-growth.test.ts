import { describe, expect, it } from "vitest";
import { compiledEntry, expectDemoDataFits, submitted } from "../styles/group-d-test-support.js";
import { trainingGrowthTemplate } from "./index.js";

const PLAN = {
  ramp_end: "2026-11-30",
  learner: "u1",
  team: "team_east",
  mentor: "u2",
  start_date: "2026-09-01",
  ramp_target: 100_000,
};
const row = (done: string) => ({ course: "c1", due: "2026-10-01", done });

describe("training-growth definition", () => {
  const app = compiledEntry(trainingGrowthTemplate);

  it("computes completion over the course rows and the ramp window", () => {
    const plan = submitted(
      app,
      "learning_plan",
      { ...PLAN, courses: [row("yes"), row("no"), row("yes"), row("no")] },
      { ramp_won: 45_000 },
    );
    expect(plan).toMatchObject({ completion: 0.5, ramp_end: "2026-11-30", ramp_actual: 45_000 });
    expect(submitted(app, "learning_plan", { ...PLAN, courses: [] })).toMatchObject({
      completion: 0,
      ramp_actual: 0,
    });
  });

  it("passes an assessment at the course's pass score", () => {
    const base = { learner: "u1", course: "c1", kind: "exam", assessor: "u2", feedback: "ok" };
    expect(submitted(app, "assessment", { ...base, score: 80 }, { course_pass_score: 80 })).toMatchObject({
      passed: true,
    });
    expect(submitted(app, "assessment", { ...base, score: 79 }, { course_pass_score: 80 })).toMatchObject({
      passed: false,
    });
  });

  it("guards assessment on full completion", () => {
    const stages = trainingGrowthTemplate.definition.forms.find((f) => f.id === "learning_plan")?.pipeline
      ?.stages;
    expect(stages?.map((s) => s.id)).toEqual(["enrolled", "in_training", "assessed", "certified", "exited"]);
    expect(stages?.find((s) => s.id === "assessed")?.guard).toEqual({
      ">=": [{ coalesce: [{ var: "completion" }, 0] }, 1],
    });
  });

  it("has demo data of its own forms", () => {
    expectDemoDataFits(trainingGrowthTemplate);
  });
});
