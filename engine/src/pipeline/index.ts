export { applicableSteps } from "./approval-steps.js";
export { compilePipeline, type CompiledPipeline, type CompiledStage } from "./compile-pipeline.js";
export * from "./transition.js";
