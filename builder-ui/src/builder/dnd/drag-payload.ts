import { FIELD_TYPES, type FieldType } from "@stagecraft/schemas";
import { isRecord } from "../shared/json-guards.js";

/** What is being dragged in the builder. */
export type DragPayload =
  | { kind: "palette"; fieldType: FieldType }
  | { kind: "field"; fieldId: string; parentId?: string }
  | { kind: "stage"; stageId: string }
  /** The "new stage" chip of the pipeline editor: dropped on a column, a stage is added there. */
  | { kind: "new-stage" }
  | { kind: "widget"; widgetId: string };

/** Where it can be dropped. */
export type DropPayload =
  /**
   * Before the field at `index` of the top level or of subform `parentId` (index = length: at the
   * end); `onCard` = dropped on that field's card, so a field moved within its list takes its place.
   */
  | { kind: "field-slot"; index: number; parentId?: string; onCard?: boolean }
  | { kind: "stage-slot"; index: number }
  | { kind: "widget-slot"; index: number };

const FIELD_TYPE_SET: ReadonlySet<string> = new Set(FIELD_TYPES);

function isFieldType(value: unknown): value is FieldType {
  return typeof value === "string" && FIELD_TYPE_SET.has(value);
}

/** A drag payload read back from the drag library's untyped data, or undefined. */
export function dragPayloadOf(value: unknown): DragPayload | undefined {
  if (!isRecord(value)) return undefined;
  const kind = value["kind"];
  if (kind === "palette" && isFieldType(value["fieldType"])) return { kind, fieldType: value["fieldType"] };
  if (kind === "field" && typeof value["fieldId"] === "string") {
    const parentId = value["parentId"];
    return typeof parentId === "string"
      ? { kind, fieldId: value["fieldId"], parentId }
      : { kind, fieldId: value["fieldId"] };
  }
  if (kind === "stage" && typeof value["stageId"] === "string") return { kind, stageId: value["stageId"] };
  if (kind === "new-stage") return { kind };
  if (kind === "widget" && typeof value["widgetId"] === "string")
    return { kind, widgetId: value["widgetId"] };
  return undefined;
}

/** A drop payload read back from the drag library's untyped data, or undefined. */
export function dropPayloadOf(value: unknown): DropPayload | undefined {
  if (!isRecord(value)) return undefined;
  const kind = value["kind"];
  const index = value["index"];
  if (typeof index !== "number") return undefined;
  if (kind === "field-slot") {
    const parentId = value["parentId"];
    const slot: DropPayload = typeof parentId === "string" ? { kind, index, parentId } : { kind, index };
    return value["onCard"] === true ? { ...slot, onCard: true } : slot;
  }
  if (kind === "stage-slot" || kind === "widget-slot") return { kind, index };
  return undefined;
}
