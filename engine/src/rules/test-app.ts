// Test helpers: CompiledApp objects built by hand (the real compileApp belongs to the lead).
import type { AppDefinition, Field, Form, I18nText, Pipeline, Rule, Stage } from "@stagecraft/schemas";
import type { CompiledApp } from "../compiled-app.js";
import type { CompiledForm } from "../form/compile-form.js";
import { compilePipeline, type CompiledPipeline } from "../pipeline/compile-pipeline.js";
import type { RecordState } from "../record-state.js";
import { buildRuleIndex } from "./rule-index.js";

export function text(en: string, zh = `${en}（中文）`): I18nText {
  return { zh, en };
}

export function textField(id: string): Field {
  return { id, type: "text", label: text(`Label ${id}`) };
}

export function stage(id: string, extra: Partial<Stage> = {}): Stage {
  return { id, name: text(`Stage ${id}`), ...extra };
}

export function form(id: string, fields: readonly string[], pipeline?: Pipeline): Form {
  return { id, name: text(id), fields: fields.map(textField), ...(pipeline ? { pipeline } : {}) };
}

export interface TestAppSpec {
  forms?: Form[];
  rules?: Rule[];
  timeZone?: string;
  cascadeDepth?: number;
}

function compiledForm(f: Form): CompiledForm {
  const fields = new Map(f.fields.map((field) => [field.id, field] as const));
  return { id: f.id, form: f, fields, formulaOrder: [] } as unknown as CompiledForm;
}

export function testApp(spec: TestAppSpec = {}): CompiledApp {
  const forms = spec.forms ?? [];
  const pipelines = new Map<string, CompiledPipeline>();
  for (const f of forms) if (f.pipeline) pipelines.set(f.id, compilePipeline(f.id, f.pipeline));
  const definition = { id: "test-app", name: text("Test"), forms, rules: spec.rules ?? [] } as AppDefinition;
  return {
    definition,
    forms: new Map(forms.map((f) => [f.id, compiledForm(f)] as const)),
    pipelines,
    rules: buildRuleIndex(spec.rules ?? []),
    kpis: new Map(),
    timeZone: spec.timeZone ?? "UTC",
    cascadeDepth: spec.cascadeDepth ?? 5,
  };
}

export function record(
  formId: string,
  data: Record<string, unknown> = {},
  extra: Partial<RecordState> = {},
): RecordState {
  return { id: "r1", formId, data, ...extra };
}

export const NOW = "2026-03-02T09:30:00Z";
