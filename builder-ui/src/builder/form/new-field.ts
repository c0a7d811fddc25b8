import type { Field, FieldType, Form } from "@stagecraft/schemas";
import { FIELD_TYPE_NAMES } from "./field-types.js";
import { fieldIdsOf, freshId } from "../store/definition-ops.js";

/**
 * A new field of `type` for `form`, valid as it stands: a fresh id, the type's name as label,
 * and the parts its type requires (options, row fields, a formula).
 */
export function newField(type: FieldType, form: Form, otherForms: readonly string[]): Field {
  const taken = fieldIdsOf(form);
  const id = freshId(type, taken);
  const label = { ...FIELD_TYPE_NAMES[type] };
  switch (type) {
    case "select":
    case "multiselect":
      return {
        id,
        type,
        label,
        options: [
          { value: "option_1", label: { zh: "选项1", en: "Option 1" } },
          { value: "option_2", label: { zh: "选项2", en: "Option 2" } },
        ],
      };
    case "subform": {
      const rowId = freshId("item", new Set([...taken, id]));
      return { id, type, label, fields: [{ id: rowId, type: "text", label: { zh: "名称", en: "Name" } }] };
    }
    case "formula":
      return { id, type, label, expression: 0, resultType: "number" };
    case "reference":
      return { id, type, label, form: otherForms[0] ?? form.id };
    default:
      return { id, type, label };
  }
}
