import type { AppDefinition } from "@stagecraft/schemas";
import { composeTemplates, type Composition } from "./compose.js";
import { salesPlanTemplate } from "./sales-plan/index.js";
import { groupATemplates } from "./styles/group-a.js";
import { groupBTemplates } from "./styles/group-b.js";
import { groupCTemplates } from "./styles/group-c.js";
import { groupDTemplates } from "./styles/group-d.js";
import type { DemoRecord, TemplateEntry, TemplateMeta } from "./template-entry.js";

export type { DemoData, DemoRecord, DemoValue, TemplateEntry, TemplateMeta } from "./template-entry.js";

/** How big a template is, for the gallery. */
export interface TemplateCounts {
  forms: number;
  stages: number;
  rules: number;
  kpis: number;
}

/** One row of `GET /api/templates`: the metadata plus the counts of its definition. */
export interface TemplateSummary extends TemplateMeta {
  counts: TemplateCounts;
  /** Whether `POST /api/apps {templateId, withDemoData: true}` adds demo records. */
  hasDemoData: boolean;
}

/** A read-only set of templates. */
export interface Catalogue {
  /** Every template's summary, in catalogue order. */
  list(): TemplateSummary[];
  /** A fresh deep copy of a template's definition (callers may change it freely). */
  get(id: string): AppDefinition | undefined;
  /** The template's demo records for an install at `now` ([] when it has none; undefined when unknown). */
  demo(id: string, now: Date): DemoRecord[] | undefined;
}

/** Count the forms, pipeline stages, rules and KPIs of a definition. */
export function countDefinition(definition: AppDefinition): TemplateCounts {
  return {
    forms: definition.forms.length,
    stages: definition.forms.reduce((sum, form) => sum + (form.pipeline?.stages.length ?? 0), 0),
    rules: definition.rules?.length ?? 0,
    kpis: definition.kpis?.length ?? 0,
  };
}

/**
 * Build a catalogue from entries. Each entry is copied, so later changes to the entries do not
 * reach it; a duplicate id or a meta id that differs from its definition's is a bug and throws.
 */
export function createCatalogue(entries: readonly TemplateEntry[]): Catalogue {
  const byId = new Map<string, TemplateEntry>();
  for (const entry of entries) {
    if (entry.meta.id !== entry.definition.id) {
      throw new Error(`template "${entry.meta.id}" holds the definition of "${entry.definition.id}"`);
    }
    if (byId.has(entry.meta.id)) throw new Error(`template "${entry.meta.id}" is listed twice`);
    byId.set(entry.meta.id, {
      meta: structuredClone(entry.meta),
      definition: structuredClone(entry.definition),
      ...(entry.demoData === undefined ? {} : { demoData: entry.demoData }),
    });
  }
  return {
    list: () =>
      [...byId.values()].map((entry) => ({
        ...structuredClone(entry.meta),
        counts: countDefinition(entry.definition),
        hasDemoData: entry.demoData !== undefined,
      })),
    get: (id) => {
      const entry = byId.get(id);
      return entry === undefined ? undefined : structuredClone(entry.definition);
    },
    demo: (id, now) => {
      const entry = byId.get(id);
      if (entry === undefined) return undefined;
      return entry.demoData === undefined ? [] : entry.demoData(new Date(now));
    },
  };
}

/** The templates shipped with Stagecraft. */
export const catalogue: Catalogue = createCatalogue([
  salesPlanTemplate,
  ...groupATemplates,
  ...groupBTemplates,
  ...groupCTemplates,
  ...groupDTemplates,
]);

/** Summaries of the shipped templates (`GET /api/templates`). */
export function listTemplates(): TemplateSummary[] {
  return catalogue.list();
}

/** Demo records of a shipped template for an install at `now` (`POST /api/apps {withDemoData: true}`). */
export function getTemplateDemo(id: string, now: Date): DemoRecord[] | undefined {
  return catalogue.demo(id, now);
}

/** A fresh deep copy of a shipped template's definition (`GET /api/templates/:id`). */
export function getTemplate(id: string): AppDefinition | undefined {
  return catalogue.get(id);
}

/**
 * Several shipped templates combined into one app (`POST /api/apps {templateIds}`); undefined when
 * one of the ids is not a shipped template.
 */
export function composeShippedTemplates(ids: readonly string[]): Composition | undefined {
  const templates: { id: string; definition: AppDefinition }[] = [];
  for (const id of ids) {
    const definition = catalogue.get(id);
    if (definition === undefined) return undefined;
    templates.push({ id, definition });
  }
  return composeTemplates(templates);
}
