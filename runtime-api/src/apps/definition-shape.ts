import { isPlainObject } from "@stagecraft/engine";
/** A field as the impact report sees it: its id, its type and whether it is required. */
export interface FieldShape {
  id: string;
  type: string;
  required: boolean;
}

/** A form as the impact report sees it: its fields and its pipeline's stage ids (none without a pipeline). */
export interface FormShape {
  id: string;
  fields: FieldShape[];
  stages: string[];
}

function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function idOf(value: unknown): string | undefined {
  return isPlainObject(value) && typeof value["id"] === "string" ? value["id"] : undefined;
}

function fieldShape(value: unknown): FieldShape | undefined {
  const id = idOf(value);
  if (id === undefined || !isPlainObject(value) || typeof value["type"] !== "string") return undefined;
  return { id, type: value["type"], required: value["required"] === true };
}

function formShape(value: unknown): FormShape | undefined {
  const id = idOf(value);
  if (id === undefined || !isPlainObject(value)) return undefined;
  const pipeline = value["pipeline"];
  return {
    id,
    fields: arrayOf(value["fields"]).flatMap((f) => fieldShape(f) ?? []),
    stages: isPlainObject(pipeline) ? arrayOf(pipeline["stages"]).flatMap((s) => idOf(s) ?? []) : [],
  };
}

/**
 * The forms, fields and stages of a stored definition. It reads any JSON without throwing, so a
 * version stored under older schemas can still be compared with a new draft.
 */
export function shapeOf(definition: unknown): FormShape[] {
  return isPlainObject(definition) ? arrayOf(definition["forms"]).flatMap((f) => formShape(f) ?? []) : [];
}
