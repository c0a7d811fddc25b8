import type { ValidationIssue } from "@stagecraft/schemas";
import { isRecord } from "../shared/json-guards.js";

/** An answer of the API that is not a success: its problem+json, with every field problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(detail ?? title);
    this.name = "ApiError";
  }
}

function issuesOf(body: unknown): ValidationIssue[] {
  if (!isRecord(body) || !Array.isArray(body["errors"])) return [];
  const found: ValidationIssue[] = [];
  for (const item of body["errors"]) {
    if (!isRecord(item)) continue;
    const path = typeof item["path"] === "string" ? item["path"] : "";
    const code = typeof item["code"] === "string" ? item["code"] : "invalid";
    const message = typeof item["message"] === "string" ? item["message"] : code;
    found.push({ path, code, message });
  }
  return found;
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page): the status line is all we have.
  }
  const title = isRecord(body) && typeof body["title"] === "string" ? body["title"] : response.statusText;
  const detail = isRecord(body) && typeof body["detail"] === "string" ? body["detail"] : undefined;
  return new ApiError(response.status, title || `HTTP ${response.status}`, detail, issuesOf(body));
}

/** The small fetch client of the builder: same origin, session cookie, JSON in and out. */
export interface BuilderApi {
  request(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<unknown>;
}

/** A client for the runtime API at `base` ("" = same origin). */
export function createBuilderApi(
  base = "",
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): BuilderApi {
  return {
    async request(method, path, body) {
      const init: RequestInit = {
        method,
        credentials: "same-origin",
        headers: { accept: "application/json" },
      };
      if (body !== undefined) {
        init.headers = { accept: "application/json", "content-type": "application/json" };
        init.body = JSON.stringify(body);
      }
      const response = await fetchImpl(`${base}${path}`, init);
      if (!response.ok) throw await problemOf(response);
      if (response.status === 204) return null;
      const data: unknown = await response.json();
      return data;
    },
  };
}
