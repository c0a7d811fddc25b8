import { problemOf, networkError } from "./problem.js";
import type { Guard } from "./guards.js";

/** Options of one API call. */
export interface CallOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The fetch the client uses; tests hand in their own (a value, not a module global to patch). */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A raw answer: status, headers and the JSON body (null when empty). */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return text;
  }
}

/** Send one request; 4xx/5xx and network failures throw ApiError (problem+json read). */
export async function send(fetcher: Fetch, path: string, options: CallOptions = {}): Promise<Answer> {
  const init: RequestInit = {
    method: options.method ?? "GET",
    credentials: "same-origin",
    headers: {
      accept: "application/json, application/problem+json",
      ...(options.body !== undefined && !(options.body instanceof FormData)
        ? { "content-type": "application/json" }
        : {}),
      ...options.headers,
    },
  };
  if (options.body instanceof FormData) init.body = options.body;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetcher(path, init);
  } catch (error) {
    throw networkError(error);
  }
  const body = await readBody(response);
  if (!response.ok) throw problemOf(response.status, body, response.statusText || `HTTP ${response.status}`);
  return { status: response.status, headers: response.headers, body };
}

/** Send and check the answer's shape. */
export async function call<T>(
  fetcher: Fetch,
  path: string,
  guard: Guard<T>,
  options?: CallOptions,
): Promise<T> {
  const answer = await send(fetcher, path, options);
  if (!guard(answer.body)) {
    throw problemOf(answer.status, null, `unexpected answer from ${path}`);
  }
  return answer.body;
}
