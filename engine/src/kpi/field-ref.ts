/** Field ids of a KPI definition turned into FieldRefs, checked against their form. */
import type { Field, Form, SystemField } from "@stagecraft/schemas";
import { KpiError } from "./kpi-error.js";
import type { DataValueType, FieldRef, SystemColumn } from "./kpi-spec.js";

/** Where in which KPI a reference is made, for errors. */
export interface RefSite {
  kpiId: string;
  path: string;
}

const SYSTEM_COLUMNS: ReadonlyMap<string, SystemColumn> = new Map<SystemField, SystemColumn>([
  ["_id", "id"],
  ["_stage", "stage"],
  ["_owner", "owner_id"],
  ["_created_at", "created_at"],
  ["_updated_at", "updated_at"],
  ["_stage_entered_at", "stage_entered_at"],
  ["_closed_at", "closed_at"],
]);

const TIMESTAMP_COLUMNS: ReadonlySet<SystemColumn> = new Set([
  "created_at",
  "updated_at",
  "stage_entered_at",
  "closed_at",
]);

const FORMULA_TYPES: Readonly<Record<Extract<Field, { type: "formula" }>["resultType"], DataValueType>> = {
  number: "number",
  money: "number",
  percent: "number",
  text: "text",
  date: "date",
  boolean: "boolean",
};

/** How a field's value is stored and read; null for a section, which holds none. */
export function valueTypeOf(field: Field): DataValueType | null {
  switch (field.type) {
    case "number":
    case "money":
    case "percent":
    case "rating":
      return "number";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "boolean":
      return "boolean";
    case "formula":
      return FORMULA_TYPES[field.resultType];
    case "multiselect":
    case "subform":
    case "file":
    case "image":
      return "array";
    case "user":
    case "department":
    case "reference":
      return field.multiple === true ? "array" : "text";
    case "address":
      return "object";
    case "section":
      return null;
    case "text":
    case "textarea":
    case "select":
    case "phone":
    case "email":
    case "url":
    case "serial":
    case "signature":
      return "text";
  }
}

/** The FieldRef of a system field (`_owner`) or a field id of `form`; throws for unknown ids. */
export function fieldRef(form: Form, id: string, site: RefSite): FieldRef {
  const column = SYSTEM_COLUMNS.get(id);
  if (column !== undefined) return { kind: "system", column };
  const field = form.fields.find((f) => f.id === id);
  if (field === undefined) {
    throw new KpiError("KPI_UNKNOWN_FIELD", `form "${form.id}" has no field "${id}"`, site);
  }
  const valueType = valueTypeOf(field);
  if (valueType === null) {
    throw new KpiError("KPI_FIELD_NO_VALUE", `field "${id}" of form "${form.id}" is a section`, site);
  }
  return { kind: "data", key: id, valueType };
}

/** True when the reference reads a date or a timestamp. */
export function isTemporal(ref: FieldRef): boolean {
  if (ref.kind === "data") return ref.valueType === "date" || ref.valueType === "datetime";
  return ref.kind === "log" ? ref.column !== "stage" : TIMESTAMP_COLUMNS.has(ref.column);
}

/** A numeric field of `form` (for sum/avg/min/max and goal amounts). */
export function numericRef(form: Form, id: string, site: RefSite): FieldRef {
  const ref = fieldRef(form, id, site);
  if (ref.kind !== "data" || ref.valueType !== "number") {
    throw new KpiError("KPI_FIELD_NOT_NUMERIC", `field "${id}" of form "${form.id}" is not a number`, site);
  }
  return ref;
}

/** A date or date-time field of `form` (periods, goal dates, duration moments). */
export function temporalRef(form: Form, id: string, site: RefSite): FieldRef {
  const ref = fieldRef(form, id, site);
  if (!isTemporal(ref)) {
    throw new KpiError("KPI_FIELD_NOT_TEMPORAL", `field "${id}" of form "${form.id}" is not a date`, site);
  }
  return ref;
}

/** A field of `form` holding one value per record, usable as a grouping key. */
export function groupRef(form: Form, id: string, site: RefSite): FieldRef {
  const ref = fieldRef(form, id, site);
  if (ref.kind === "data" && (ref.valueType === "array" || ref.valueType === "object")) {
    throw new KpiError(
      "KPI_FIELD_NOT_GROUPABLE",
      `field "${id}" of form "${form.id}" holds several values`,
      site,
    );
  }
  return ref;
}
