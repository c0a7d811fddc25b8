import type { Form } from "@stagecraft/schemas";
import type { TFunction } from "i18next";
import { DATE_TYPES, NUMERIC_TYPES } from "../form/field-types.js";
import { fieldChoices, type Choice } from "../shared/choices.js";
import type { Lang } from "../shared/i18n-text.js";

/** Numeric fields a KPI can sum or average (formulas included). */
export function numericChoices(form: Form | undefined, lang: Lang): Choice[] {
  return fieldChoices(
    (form?.fields ?? []).filter((f) => NUMERIC_TYPES.has(f.type) || f.type === "formula"),
    lang,
  );
}

/** Date fields and system times a KPI can be periodised by. */
export function periodChoices(form: Form | undefined, lang: Lang, t: TFunction): Choice[] {
  return [
    ...fieldChoices(
      (form?.fields ?? []).filter((f) => DATE_TYPES.has(f.type)),
      lang,
    ),
    ...["_created_at", "_closed_at", "_stage_entered_at", "_updated_at"].map((f) => ({
      value: f,
      label: t(`filter.system.${f}`),
    })),
  ];
}

/** Fields a KPI can be grouped by (people, choices, stages). */
export function groupChoices(form: Form | undefined, lang: Lang, t: TFunction): Choice[] {
  return [
    ...fieldChoices(
      (form?.fields ?? []).filter((f) =>
        ["select", "user", "department", "text", "reference", "boolean"].includes(f.type),
      ),
      lang,
    ),
    ...["_owner", "_stage"].map((f) => ({ value: f, label: t(`filter.system.${f}`) })),
  ];
}
