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
}
