import type { ApprovalStep } from "@stagecraft/schemas";
import type { EvalContext } from "../expression/index.js";
import { conditionHolds } from "../rules/condition.js";
import type { CompiledApproval } from "./compile-pipeline.js";

/**
 * The steps of an approval that apply to a record's data: those whose `when` holds or is absent.
 * A `when` that fails to evaluate applies the step (an approval is never skipped by an error).
 */
export function applicableSteps(
  approval: CompiledApproval,
  data: unknown,
  evalContext: EvalContext,
): ApprovalStep[] {
  return approval.steps.filter((s) => conditionHolds(s.when, data, evalContext, true)).map((s) => s.step);
}
