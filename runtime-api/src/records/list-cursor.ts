/** The orders a record list can take: by creation or last change, oldest or newest first. */
export const RECORD_SORTS = ["createdAt", "-createdAt", "updatedAt", "-updatedAt"] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

/** Whether a value is a record sort. */
export function isRecordSort(value: unknown): value is RecordSort {
  return typeof value === "string" && (RECORD_SORTS as readonly string[]).includes(value);
}

/** Where the next page starts: after the record with this sort key and id, in this order. */
export interface RecordCursor {
  sort: RecordSort;
  /** The sort column's instant in microseconds since 1970 (the database's full precision). */
  key: number;
  id: string;
}

/** The opaque text of a cursor (base64url JSON). */
export function encodeCursor(cursor: RecordCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString("base64url");
}

/** The cursor an opaque text holds, or undefined when it is not one of ours. */
export function decodeCursor(text: string): RecordCursor | undefined {
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const items: readonly unknown[] = parsed;
  const [sort, key, id] = items;
  if (!isRecordSort(sort) || typeof id !== "string" || id.length === 0 || id.length > 100) return undefined;
  if (typeof key !== "number" || !Number.isSafeInteger(key)) return undefined;
  return { sort, key, id };
}
