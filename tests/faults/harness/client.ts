import { request as httpRequest } from "node:http";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./processes.js";

// An HTTP client of the API. Each request opens its own connection (no keep-alive): a fault test
// must tell a refused connection (never accepted) from a reset one, which pooled sockets blur.

/** An answer: status, headers and parsed JSON body (undefined when empty or not JSON). */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** Send one request on a fresh connection; rejects with the socket error (ECONNREFUSED, ECONNRESET…). */
export function send(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (payload !== undefined) headers["content-type"] = "application/json";
  if (options.token !== undefined) headers["authorization"] = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown;
        try {
          body = text === "" ? undefined : JSON.parse(text);
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** Sign in as the instance owner; answers the bearer token. */
export async function login(base: string): Promise<string> {
  const answer = await send(base, "POST", "/api/auth/login", {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  const token = (answer.body as { token?: string } | undefined)?.token;
  if (answer.status !== 200 || token === undefined) throw new Error(`login: HTTP ${answer.status}`);
  return token;
}

/** Send and insist on one status; answers the body. */
export async function expectStatus(
  status: number,
  ...args: Parameters<typeof send>
): Promise<Record<string, unknown>> {
  const answer = await send(...args);
  if (answer.status !== status)
    throw new Error(`${args[1]} ${args[2]}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
}
