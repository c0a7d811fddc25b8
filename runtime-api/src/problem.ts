import type { FastifyReply } from "fastify";

/** One field-level problem of an RFC 9457 answer; `path` is a JSON Pointer into the request. */
export interface ProblemItem {
  path: string;
  code: string;
  message: string;
  params?: Readonly<Record<string, unknown>>;
}

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/**
 * A user error with its HTTP answer: thrown by routes and services, turned into
 * `application/problem+json` by the server's error handler (never reported as a bug).
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly errors: readonly ProblemItem[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    detail: string,
    errors: readonly ProblemItem[] = [],
    headers: Record<string, string> = {},
  ) {
    super(detail);
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

/** The title of a status code. */
export function titleOf(status: number): string {
  return TITLES[status] ?? (status >= 500 ? "Server Error" : "Bad Request");
}

/** Send an `application/problem+json` answer. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  errors: readonly ProblemItem[] = [],
): FastifyReply {
  return reply
    .code(status)
    .type("application/problem+json")
    .send({ type: "about:blank", title: titleOf(status), status, detail, errors });
}

/** 404 for a missing object, also for objects of another workspace (never leak existence). */
export function notFound(what: string): HttpProblem {
  return new HttpProblem(404, `${what} not found`);
}
