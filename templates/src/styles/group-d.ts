import { incentiveDrivenTemplate } from "../incentive-driven/index.js";
import type { TemplateEntry } from "../template-entry.js";

/** Management-style templates of catalogue group D (TEMPLATES.md §B), in catalogue order. */
export const groupDTemplates: TemplateEntry[] = [incentiveDrivenTemplate];
