import type { ValidationIssue } from "@stagecraft/schemas";
import type { TFunction } from "i18next";
import { isRecord } from "./json-guards.js";
import { textOf, type Lang } from "./i18n-text.js";

function nameOf(node: Record<string, unknown>, lang: Lang): string | undefined {
  for (const key of ["label", "name", "title"]) {
    const text = node[key];
    if (isRecord(text) && typeof text["zh"] === "string" && typeof text["en"] === "string") {
      const shown = textOf({ zh: text["zh"], en: text["en"] }, lang);
      if (shown !== "") return `「${shown}」`;
    }
  }
  return typeof node["id"] === "string" ? `「${node["id"]}」` : undefined;
}

/** Decode one JSON Pointer segment (RFC 6901). */
function unescape(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Where a problem is, in words: "表单「客户」 › 字段「金额」 › 最小值" instead of a JSON Pointer,
 * walking the definition to name each form, field, stage, rule, KPI and widget on the way.
 */
export function describePath(definition: unknown, path: string, lang: Lang, t: TFunction): string {
  const segments = path.split("/").slice(1).map(unescape);
  const words: string[] = [];
  let node: unknown = definition;
  let container = "";
  for (const segment of segments) {
    if (Array.isArray(node)) {
      const index = Number(segment);
      const item: unknown = node[index];
      const named = isRecord(item) ? nameOf(item, lang) : undefined;
      const kind = t(`paths.item.${container}`, { defaultValue: "" });
      words.push(`${kind}${named ?? t("paths.nth", { n: index + 1 })}`);
      node = item;
    } else if (isRecord(node)) {
      container = segment;
      const child = node[segment];
      // Lists are named by their items ("字段「x」"), so the list key itself adds nothing.
      if (!Array.isArray(child)) words.push(t(`paths.key.${segment}`, { defaultValue: segment }));
      node = child;
    } else {
      words.push(t(`paths.key.${segment}`, { defaultValue: segment }));
      node = undefined;
    }
  }
  return words.length === 0 ? t("paths.app") : words.join(" › ");
}

/** A problem as a sentence: its place in words and what is wrong, in the interface language. */
export function describeIssue(
  definition: unknown,
  issue: ValidationIssue,
  lang: Lang,
  t: TFunction,
): { where: string; what: string } {
  return {
    where: describePath(definition, issue.path, lang, t),
    what: t(`issues.codes.${issue.code}`, { defaultValue: issue.message }),
  };
}
