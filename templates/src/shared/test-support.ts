// Test support for template unit tests: compile a definition and submit records through the engine.
import { compileApp, submit, type CompiledApp } from "@stagecraft/engine";
import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";

/** The definition compiled by the engine; throws with the errors when it does not compile. */
export function compileOrThrow(definition: AppDefinition): CompiledApp {
  const result = compileApp(definition);
  if (!result.ok) throw new Error(`compileApp: ${JSON.stringify(result.errors)}`);
  return result.app;
}

/** The stored data of a record submitted to `form` at `now` with the given aggregate values. */
export function submitted(
  app: CompiledApp,
  form: string,
  input: Record<string, unknown>,
  aggregates: Record<string, unknown> = {},
  now = "2026-11-23T02:00:00.000Z",
): Record<string, unknown> {
  const compiled = app.forms.get(form);
  if (compiled === undefined) throw new Error(`no form ${form}`);
  const result = submit(compiled, input, { now, timeZone: "Asia/Shanghai", aggregates });
  if (!result.ok) throw new Error(`submit ${form}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Every {zh, en} text of a value whose zh or en is missing or blank, as JSON Pointers. */
export function untranslated(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => untranslated(item, `${path}/${i}`));
  if (typeof value !== "object" || value === null) return [];
  const entries = Object.entries(value);
  const keys = entries.map(([key]) => key);
  const own =
    keys.includes("zh") || keys.includes("en")
      ? entries.every(
          ([key, text]) => (key === "zh" || key === "en") && typeof text === "string" && text.trim() !== "",
        ) && keys.length === 2
        ? []
        : [path]
      : [];
  return [...own, ...entries.flatMap(([key, child]) => untranslated(child, `${path}/${key}`))];
}

/** Structural problems every template must be free of (validation, KPIs on dashboards, meta, labels). */
export function entryProblems(entry: TemplateEntry): string[] {
  const problems: string[] = [];
  const { definition, meta } = entry;
  for (const error of validateDefinition(definition).errors) problems.push(`${error.path} ${error.message}`);
  if (meta.id !== definition.id) problems.push("meta id differs from the definition's");
  const kpis = new Set((definition.kpis ?? []).map((k) => k.id));
  const shown = new Set(
    (definition.dashboards ?? []).flatMap((d) => d.widgets.flatMap((w) => ("kpi" in w ? [w.kpi] : []))),
  );
  for (const id of kpis) if (!shown.has(id)) problems.push(`KPI ${id} is on no dashboard`);
  for (const id of shown) if (!kpis.has(id)) problems.push(`dashboard shows unknown KPI ${id}`);
  for (const path of untranslated({ definition, meta })) problems.push(`${path} lacks zh or en`);
  return problems;
}

/** Demo records whose path enters a stage without that stage's required fields. */
export function demoPathProblems(entry: TemplateEntry, now: Date): string[] {
  const problems: string[] = [];
  for (const [i, record] of (entry.demoData?.(now) ?? []).entries()) {
    const form = entry.definition.forms.find((f) => f.id === record.form);
    if (form === undefined) {
      problems.push(`#${i}: no form ${record.form}`);
      continue;
    }
    for (const stageId of record.path ?? []) {
      const stage = form.pipeline?.stages.find((s) => s.id === stageId);
      if (stage === undefined) problems.push(`#${i}: no stage ${stageId}`);
      for (const field of stage?.requires ?? []) {
        const value = record.data[field];
        if (
          value === undefined ||
          value === null ||
          value === "" ||
          (Array.isArray(value) && value.length === 0)
        )
          problems.push(`#${i} ${record.form}→${stageId}: ${field} missing`);
      }
    }
  }
  return problems;
}
