import type { AppDefinition, ValidationIssue } from "@stagecraft/schemas";
import type { CompiledForm } from "./form/compile-form.js";
import type { KpiSpec } from "./kpi/kpi-spec.js";
import type { CompiledPipeline } from "./pipeline/compile-pipeline.js";
import type { RuleIndex } from "./rules/rule-index.js";

/** An app definition prepared once for fast, repeated use (cache it by appId@version). */
export interface CompiledApp {
  readonly definition: AppDefinition;
  readonly forms: ReadonlyMap<string, CompiledForm>;
  /** Pipelines by form id (only forms that have one). */
  readonly pipelines: ReadonlyMap<string, CompiledPipeline>;
  readonly rules: RuleIndex;
  readonly kpis: ReadonlyMap<string, KpiSpec>;
  readonly timeZone: string;
  readonly cascadeDepth: number;
}

/** compileApp's answer: the compiled app, or every compile error as data. */
export type CompileResult = { ok: true; app: CompiledApp } | { ok: false; errors: ValidationIssue[] };
