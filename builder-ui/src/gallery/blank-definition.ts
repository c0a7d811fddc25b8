import type { AppDefinition } from "@stagecraft/schemas";

/** The smallest valid app a builder starts from: one form with one text field. */
export function blankDefinition(suffix: string): AppDefinition {
  return {
    id: `blank-${suffix}`,
    name: { zh: "新应用", en: "New app" },
    forms: [
      {
        id: "main",
        name: { zh: "表单", en: "Form" },
        fields: [{ id: "title", type: "text", label: { zh: "标题", en: "Title" }, required: true }],
      },
    ],
  };
}
