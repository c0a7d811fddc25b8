import { HttpProblem, type ProblemItem } from "../problem.js";
import {
  decodeCursor,
  isRecordSort,
  RECORD_SORTS,
  type RecordCursor,
  type RecordSort,
} from "./list-cursor.js";

/** Rows per page unless `limit` says otherwise, and the most a page may hold. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** A validated record list request. */
export interface ListQuery {
  stage?: string;
  ownerId?: string;
  /** Case-insensitive substring of the record's data. */
  q?: string;
  sort: RecordSort;
  limit: number;
  cursor?: RecordCursor;
  /** Only records past (true) or within (false) the SLA of the stage they are in. */
  overdue?: boolean;
}

const MAX_TEXT = 200;

function text(
  query: Readonly<Record<string, unknown>>,
  name: string,
  errors: ProblemItem[],
): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length > MAX_TEXT) {
    errors.push({
      path: `/query/${name}`,
      code: "type",
      message: `must be one text of at most ${MAX_TEXT} characters`,
    });
    return undefined;
  }
  return value;
}

function limitOf(value: string | undefined, errors: ProblemItem[]): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = /^[0-9]{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    errors.push({
      path: "/query/limit",
      code: "range",
      message: `must be a whole number from 1 to ${MAX_LIMIT}`,
      params: { minimum: 1, maximum: MAX_LIMIT },
    });
  }
  return limit;
}

/**
 * Validate the query string of a record list (`owner=me` means `me`); 400 naming every bad
 * parameter at once. Parameters it does not know are left for later features and ignored.
 */
export function parseListQuery(query: Readonly<Record<string, unknown>>, me: string): ListQuery {
  const errors: ProblemItem[] = [];
  const stage = text(query, "stage", errors);
  const owner = text(query, "owner", errors);
  const q = text(query, "q", errors);
  const sortText = text(query, "sort", errors) ?? "-createdAt";
  const limit = limitOf(text(query, "limit", errors), errors);
  const cursorText = text(query, "cursor", errors);
  const overdueText = text(query, "overdue", errors);
  if (overdueText !== undefined && overdueText !== "true" && overdueText !== "false") {
    errors.push({
      path: "/query/overdue",
      code: "enum",
      message: "must be true or false",
      params: { allowedValues: ["true", "false"] },
    });
  }
  const sort = isRecordSort(sortText) ? sortText : undefined;
  if (sort === undefined) {
    errors.push({
      path: "/query/sort",
      code: "enum",
      message: `must be one of ${RECORD_SORTS.join(", ")}`,
      params: { allowedValues: RECORD_SORTS },
    });
  }
  const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText);
  if (cursorText !== undefined && (cursor === undefined || (sort !== undefined && cursor.sort !== sort))) {
    errors.push({ path: "/query/cursor", code: "format", message: "is not a cursor of this list and sort" });
  }
  if (errors.length > 0 || sort === undefined) {
    throw new HttpProblem(400, "the list query has invalid parameters", errors);
  }
  const list: ListQuery = { sort, limit };
  if (stage !== undefined && stage !== "") list.stage = stage;
  if (owner !== undefined && owner !== "") list.ownerId = owner === "me" ? me : owner;
  if (q !== undefined && q !== "") list.q = q;
  if (cursor !== undefined) list.cursor = cursor;
  if (overdueText === "true" || overdueText === "false") list.overdue = overdueText === "true";
  return list;
}
