import type { Form } from "@stagecraft/schemas";
import type { RecordView } from "../api/types.js";

/** The id of the field that names a form's records: its titleField, else its first text field. */
export function titleFieldOf(form: Form): string | undefined {
  return form.titleField ?? form.fields.find((field) => field.type === "text")?.id;
}

/** A short name for a record: its title field's value, else its id. */
export function recordTitle(form: Form, record: RecordView): string {
  const id = titleFieldOf(form);
  const value = id === undefined ? undefined : record.data[id];
  return typeof value === "string" && value !== "" ? value : record.id;
}
