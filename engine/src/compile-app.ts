import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import type { CompiledApp, CompileResult } from "./compiled-app.js";
import { compileForm, type CompiledForm } from "./form/compile-form.js";
import { compileKpi } from "./kpi/compile-kpi.js";
import type { KpiSpec } from "./kpi/kpi-spec.js";
import { compilePipeline, type CompiledPipeline } from "./pipeline/compile-pipeline.js";
import { buildRuleIndex } from "./rules/rule-index.js";

/** Rule cascades stop at this depth unless the app's settings say otherwise. */
export const DEFAULT_CASCADE_DEPTH = 5;

function build(definition: AppDefinition): CompiledApp {
  const forms = new Map<string, CompiledForm>();
  const pipelines = new Map<string, CompiledPipeline>();
  for (const form of definition.forms) {
    forms.set(form.id, compileForm(form));
    if (form.pipeline) pipelines.set(form.id, compilePipeline(form.id, form.pipeline));
  }
  const kpis = new Map<string, KpiSpec>();
  for (const kpi of definition.kpis ?? []) kpis.set(kpi.id, compileKpi(kpi, definition));
  return {
    definition,
    forms,
    pipelines,
    rules: buildRuleIndex(definition.rules ?? []),
    kpis,
    timeZone: definition.settings?.timeZone ?? "UTC",
    cascadeDepth: definition.settings?.cascadeDepth ?? DEFAULT_CASCADE_DEPTH,
  };
}

/**
 * Validate a definition and prepare it for repeated use: validators, compiled expressions,
 * formula order, the rule index and KPI specs. Problems come back as data, never as exceptions.
 */
export function compileApp(definition: unknown): CompileResult {
  const validation = validateDefinition(definition);
  if (!validation.valid) return { ok: false, errors: validation.errors };
  // The compilers below trust a validated definition: anything they throw is a bug, not bad input.
  return { ok: true, app: build(validation.definition) };
}
