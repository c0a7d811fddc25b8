import type { Approval, ApprovalStep, Pipeline, Stage } from "@stagecraft/schemas";
import { compileExpression, type CompiledExpression } from "../expression/index.js";

/** One approval step with its `when` compiled. */
export interface CompiledApprovalStep {
  readonly step: ApprovalStep;
  readonly when?: CompiledExpression;
}

/** A stage's approval with its steps compiled. */
export interface CompiledApproval {
  readonly approval: Approval;
  readonly steps: readonly CompiledApprovalStep[];
}

/** A stage prepared for transitions: its guard compiled, its allowed moves as a set. */
export interface CompiledStage {
  readonly stage: Stage;
  /** Position in the pipeline (0 = first stage of the definition). */
  readonly index: number;
  readonly guard?: CompiledExpression;
  /** Stages it may move to; absent = any stage. */
  readonly moves?: ReadonlySet<string>;
  readonly approval?: CompiledApproval;
}

/** A form's pipeline prepared once: stages by id and their order. */
export interface CompiledPipeline {
  readonly formId: string;
  readonly pipeline: Pipeline;
  readonly stages: ReadonlyMap<string, CompiledStage>;
  /** Stage ids in definition order. */
  readonly order: readonly string[];
}

function compileApproval(approval: Approval): CompiledApproval {
  return {
    approval,
    steps: approval.steps.map((step) => ({
      step,
      ...(step.when !== undefined ? { when: compileExpression(step.when) } : {}),
    })),
  };
}

function compileStage(stage: Stage, index: number): CompiledStage {
  return {
    stage,
    index,
    ...(stage.guard !== undefined ? { guard: compileExpression(stage.guard) } : {}),
    ...(stage.moves !== undefined ? { moves: new Set(stage.moves) } : {}),
    ...(stage.approval !== undefined ? { approval: compileApproval(stage.approval) } : {}),
  };
}

/** Compile a form's pipeline; throws ExpressionError for an invalid guard or step condition. */
export function compilePipeline(formId: string, pipeline: Pipeline): CompiledPipeline {
  const stages = new Map<string, CompiledStage>();
  pipeline.stages.forEach((stage, index) => stages.set(stage.id, compileStage(stage, index)));
  return { formId, pipeline, stages, order: pipeline.stages.map((stage) => stage.id) };
}
