import type { Field } from "@stagecraft/schemas";

/** What every field input receives: its definition, value, change handler and DOM id. */
export interface InputProps<F extends Field = Field> {
  field: F;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled: boolean;
  /** The input's DOM id (its label points at it). */
  id: string;
}

/** The value as text ("" for anything else). */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The value as a number, or null. */
export function numberOf(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The value as a list of strings. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** An empty input clears the field (null), so an emptied field is not sent as "". */
export function emptyToNull(value: string): string | null {
  return value === "" ? null : value;
}
