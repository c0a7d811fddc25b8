// Checks the group-D template tests share (imported by tests only).
import { compileApp, submit, type CompiledApp, type RecordSystemValues } from "@stagecraft/engine";
import { validateDefinition } from "@stagecraft/schemas";
import { expect } from "vitest";
import type { TemplateEntry } from "../template-entry.js";

/** The moment the unit tests compute formulas at. */
export const TEST_NOW = "2026-11-23T02:00:00.000Z";

/** Validate and compile the entry's definition; fail with every issue otherwise. */
export function compiledEntry(entry: TemplateEntry): CompiledApp {
  expect(validateDefinition(entry.definition).errors).toEqual([]);
  expect(entry.meta.id).toBe(entry.definition.id);
  const result = compileApp(entry.definition);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.app;
}

/** Submit data to a form through the engine and return the computed record (throws on issues). */
export function submitted(
  app: CompiledApp,
  formId: string,
  data: Record<string, unknown>,
  aggregates: Record<string, unknown> = {},
  previous?: Record<string, unknown>,
  record?: RecordSystemValues,
): Record<string, unknown> {
  const form = app.forms.get(formId);
  if (form === undefined) throw new Error(`no form ${formId}`);
  const result = submit(
    form,
    data,
    { now: TEST_NOW, timeZone: "Asia/Shanghai", aggregates, ...(record === undefined ? {} : { record }) },
    previous === undefined ? {} : { previous },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** Demo data: 15–40 records of the template's own forms and fields; every stage on a path exists. */
export function expectDemoDataFits(entry: TemplateEntry): void {
  const records = entry.demoData?.(new Date(TEST_NOW)) ?? [];
  expect(records.length).toBeGreaterThanOrEqual(15);
  expect(records.length).toBeLessThanOrEqual(40);
  const keys = new Set(records.flatMap((r) => (r.key === undefined ? [] : [r.key])));
  for (const record of records) {
    const form = entry.definition.forms.find((f) => f.id === record.form);
    expect(form, record.form).toBeDefined();
    const ids = new Set(form?.fields.map((f) => f.id));
    for (const [key, value] of Object.entries(record.data)) {
      expect(ids.has(key), `${record.form}.${key}`).toBe(true);
      const ref = typeof value === "object" && value !== null && "$demo" in value ? value.$demo : undefined;
      if (typeof ref === "string") expect(keys.has(ref), `${record.form}.${key} → ${ref}`).toBe(true);
    }
    const stages = new Set(form?.pipeline?.stages.map((s) => s.id));
    for (const stage of record.path ?? []) expect(stages.has(stage), `${record.form} → ${stage}`).toBe(true);
  }
}
