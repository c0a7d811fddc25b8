import type { Form, I18nText } from "@stagecraft/schemas";
import type { TFunction } from "i18next";
import type { ProblemItem } from "../api/problem.js";

function isText(value: unknown): value is I18nText {
  return (
    typeof value === "object" &&
    value !== null &&
    "zh" in value &&
    "en" in value &&
    typeof value.zh === "string" &&
    typeof value.en === "string"
  );
}

/**
 * Each unmet requirement of a refused move in words: a missing field by its label, a failed guard
 * by its own message, a forbidden move by its stages.
 */
export function refusalLines(
  items: readonly ProblemItem[],
  form: Form,
  t: TFunction,
  localized: (text: I18nText | undefined) => string,
): string[] {
  const stageName = (id: unknown) => {
    const stage = form.pipeline?.stages.find((candidate) => candidate.id === id);
    return stage === undefined ? String(id) : localized(stage.name);
  };
  return items.map((item) => {
    const params = item.params ?? {};
    if (item.code === "required") {
      const fieldId = typeof params["field"] === "string" ? params["field"] : item.path.split("/").pop();
      const field = form.fields.find((candidate) => candidate.id === fieldId);
      return t("board.needsField", { field: field === undefined ? String(fieldId) : localized(field.label) });
    }
    if (item.code === "guard_failed") {
      const text = params["message"];
      return isText(text) ? localized(text) : item.message;
    }
    if (item.code === "move_not_allowed") {
      return t("board.moveNotAllowed", { from: stageName(params["from"]), to: stageName(params["to"]) });
    }
    return t(`errors.${item.code}`, { ...params, defaultValue: item.message });
  });
}
