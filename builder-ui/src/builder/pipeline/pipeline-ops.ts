import type { AppDefinition, Pipeline, Stage } from "@stagecraft/schemas";
import type { Drop } from "../dnd/dnd-adapter.js";
import { freshId, updateForm } from "../store/definition-ops.js";
import { moveItem, replaceAt } from "../shared/optional.js";

/** Change the pipeline of a form (no change when the form has none). */
export function updatePipeline(
  definition: AppDefinition,
  formId: string,
  change: (pipeline: Pipeline) => Pipeline,
): AppDefinition {
  return updateForm(definition, formId, (form) =>
    form.pipeline === undefined ? form : { ...form, pipeline: change(form.pipeline) },
  );
}

/** Change one stage of a form's pipeline. */
export function updateStage(
  definition: AppDefinition,
  formId: string,
  stageId: string,
  change: (stage: Stage) => Stage,
): AppDefinition {
  return updatePipeline(definition, formId, (pipeline) => {
    const index = pipeline.stages.findIndex((s) => s.id === stageId);
    const stage = pipeline.stages[index];
    return stage === undefined
      ? pipeline
      : { ...pipeline, stages: replaceAt(pipeline.stages, index, change(stage)) };
  });
}

/** Give a form its first pipeline: one stage, which is also the initial one. */
export function addPipeline(definition: AppDefinition, formId: string): AppDefinition {
  return updateForm(definition, formId, (form) =>
    form.pipeline !== undefined
      ? form
      : { ...form, pipeline: { initial: "new", stages: [{ id: "new", name: { zh: "新建", en: "New" } }] } },
  );
}

/**
 * Add a stage at position `at`, or by default at the end (before won/lost stages, which usually
 * close the board).
 */
export function addStage(
  definition: AppDefinition,
  formId: string,
  at?: number,
): { definition: AppDefinition; stageId: string } {
  let stageId = "";
  const next = updatePipeline(definition, formId, (pipeline) => {
    stageId = freshId("stage", new Set(pipeline.stages.map((s) => s.id)));
    const n = pipeline.stages.length + 1;
    const stage: Stage = { id: stageId, name: { zh: `阶段${n}`, en: `Stage ${n}` } };
    const firstTerminal = pipeline.stages.findIndex((s) => s.terminal !== undefined);
    const stages = [...pipeline.stages];
    const end = firstTerminal < 0 ? stages.length : firstTerminal;
    stages.splice(at === undefined ? end : Math.max(0, Math.min(at, stages.length)), 0, stage);
    return { ...pipeline, stages };
  });
  return { definition: next, stageId };
}

/** Remove a stage; the initial stage moves to the first remaining one and `moves` lists forget it. */
export function removeStage(definition: AppDefinition, formId: string, stageId: string): AppDefinition {
  return updatePipeline(definition, formId, (pipeline) => {
    if (pipeline.stages.length <= 1) return pipeline;
    const stages = pipeline.stages
      .filter((s) => s.id !== stageId)
      .map((s) =>
        s.moves?.includes(stageId) === true ? { ...s, moves: s.moves.filter((m) => m !== stageId) } : s,
      );
    const initial = pipeline.initial === stageId ? (stages[0]?.id ?? pipeline.initial) : pipeline.initial;
    return { initial, stages };
  });
}

/** Move a stage to position `to`. */
export function moveStage(
  definition: AppDefinition,
  formId: string,
  stageId: string,
  to: number,
): AppDefinition {
  return updatePipeline(definition, formId, (pipeline) => {
    const from = pipeline.stages.findIndex((s) => s.id === stageId);
    if (from < 0 || from === to) return pipeline;
    return { ...pipeline, stages: moveItem(pipeline.stages, from, to) };
  });
}

/**
 * Apply a drop on the board: a dragged stage column takes the place of the column it lands on; the
 * "new stage" chip adds a stage in that place. Answers the added stage's id, if any.
 */
export function applyStageDrop(
  definition: AppDefinition,
  formId: string,
  drop: Drop,
): { definition: AppDefinition; added?: string } {
  if (drop.target.kind !== "stage-slot") return { definition };
  if (drop.source.kind === "new-stage") {
    const result = addStage(definition, formId, drop.target.index);
    return { definition: result.definition, added: result.stageId };
  }
  if (drop.source.kind !== "stage") return { definition };
  return { definition: moveStage(definition, formId, drop.source.stageId, drop.target.index) };
}
