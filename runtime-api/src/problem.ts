import type { FastifyReply } from "fastify";

/** One field-level problem of an RFC 9457 answer. */
export interface ProblemItem {
  path: string;
  code: string;
  message: string;
}

/** Send an `application/problem+json` answer. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  title: string,
  detail?: string,
  errors: readonly ProblemItem[] = [],
): FastifyReply {
  return reply
    .code(status)
    .type("application/problem+json")
    .send({ type: "about:blank", title, status, detail: detail ?? title, errors });
}
