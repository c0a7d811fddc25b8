/** One field-level problem of a problem+json answer; `path` is a JSON Pointer into the request. */
export interface ProblemItem {
  path: string;
  code: string;
  message: string;
  params?: Readonly<Record<string, unknown>>;
}

/** An RFC 9457 answer of the API, thrown by the client for every 4xx/5xx. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: readonly ProblemItem[];

  constructor(status: number, title: string, detail: string, errors: readonly ProblemItem[]) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = errors;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function problemItem(value: unknown): ProblemItem | undefined {
  if (!isRecord(value) || typeof value["path"] !== "string") return undefined;
  const params = value["params"];
  return {
    path: value["path"],
    code: typeof value["code"] === "string" ? value["code"] : "error",
    message: typeof value["message"] === "string" ? value["message"] : "",
    ...(isRecord(params) ? { params } : {}),
  };
}

/** Read an error answer as an ApiError, whether or not its body is problem+json. */
export function problemOf(status: number, body: unknown, fallback: string): ApiError {
  if (!isRecord(body)) return new ApiError(status, fallback, fallback, []);
  const title = typeof body["title"] === "string" ? body["title"] : fallback;
  const detail = typeof body["detail"] === "string" ? body["detail"] : title;
  const raw = Array.isArray(body["errors"]) ? body["errors"] : [];
  const errors = raw.flatMap((item: unknown) => {
    const parsed = problemItem(item);
    return parsed === undefined ? [] : [parsed];
  });
  return new ApiError(status, title, detail, errors);
}

/** A network failure (no answer at all) in the same shape as an API error. */
export function networkError(error: unknown): ApiError {
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(0, "network", message, []);
}
