import type { AppDefinition, I18nText } from "@stagecraft/schemas";

/** What the template gallery shows so a team lead can pick a starting point. */
export interface TemplateMeta {
  /** kebab-case, equal to the definition's id. */
  id: string;
  name: I18nText;
  summary: I18nText;
  /** When the template fits (includes the seed's stated advantages). */
  whenToUse: I18nText;
  limitations: I18nText;
  /** "seed" when the source document states the limitation, "inferred" when it is ours (editorial). */
  limitationSource: "seed" | "inferred";
  tags: string[];
}

/** A template: its gallery metadata and the app definition an install starts from. */
export interface TemplateEntry {
  meta: TemplateMeta;
  definition: AppDefinition;
  /** Records `POST /api/apps {templateId, withDemoData: true}` adds, so dashboards start populated. */
  demoData?: DemoData;
}

/**
 * A value of demo data that stands for something only known at install time: the id of another
 * demo record (by its `key`), or the installing user's id.
 */
export type DemoValue = { $demo: string } | { $user: "installer" };

/** One record of a template's demo data. */
export interface DemoRecord {
  /** Names the record so later demo records can reference it with `{ $demo: key }`. */
  key?: string;
  form: string;
  /** Field values; reference fields take `{ $demo: key }`, user fields `{ $user: "installer" }`. */
  data: Record<string, unknown>;
  /** Stages to move through after creation, in order; each must meet its stage's requirements. */
  path?: string[];
  /** When the record is created and moved (ISO); defaults to the install time. */
  at?: string;
}

/** Demo data of a template, computed from the install time so dashboards show the current period. */
export type DemoData = (now: Date) => DemoRecord[];
