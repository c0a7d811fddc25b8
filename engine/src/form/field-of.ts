import type { Field, FieldType } from "@stagecraft/schemas";

/** The field definition of one type. */
export type FieldOf<T extends FieldType> = Extract<Field, { type: T }>;
