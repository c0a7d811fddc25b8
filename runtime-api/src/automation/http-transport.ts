import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "./ssrf.js";

/** One outbound HTTP request of a webhook delivery (one hop: redirects are separate requests). */
export interface OutboundRequest {
  url: URL;
  method: string;
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
  /** Connect only to these (already checked) addresses; null resolves the host normally. */
  addresses: readonly ResolvedAddress[] | null;
  signal: AbortSignal;
}

/** What a delivery needs of a response: the status and, for redirects, where to. */
export interface OutboundResponse {
  status: number;
  location: string | undefined;
}

/** Sends one request; injectable so tests and other transports can stand in. */
export type HttpTransport = (request: OutboundRequest) => Promise<OutboundResponse>;

/**
 * A DNS lookup that answers with the checked addresses only: the connection goes to the address
 * the SSRF check saw, so a name cannot re-resolve to a private address in between (no DNS rebinding).
 */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family;
    const family = wanted === "IPv4" ? 4 : wanted === "IPv6" ? 6 : (wanted ?? 0);
    const usable = addresses.filter((a) => family === 0 || a.family === family);
    if (options.all === true) {
      callback(null, usable);
      return;
    }
    const first = usable[0];
    if (first === undefined) {
      callback(Object.assign(new Error("no checked address of this family"), { code: "ENOTFOUND" }), "", 0);
      return;
    }
    callback(null, first.address, first.family);
  };
}

/** The response's status and Location; the body is not read (a receiver answers with a status). */
function answerOf(response: IncomingMessage): OutboundResponse {
  const location = response.headers.location;
  response.destroy();
  return { status: response.statusCode ?? 0, location };
}

/**
 * node:http(s) transport: a fresh connection per request (no agent pool), pinned to the checked
 * addresses, aborted by the signal. TLS still verifies the certificate against the URL's host.
 */
export const nodeTransport: HttpTransport = (outbound) =>
  new Promise((resolve, reject) => {
    const send = outbound.url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(outbound.url, {
      method: outbound.method,
      headers: outbound.headers,
      agent: false,
      signal: outbound.signal,
      ...(outbound.addresses !== null ? { lookup: pinnedLookup(outbound.addresses) } : {}),
    });
    req.once("response", (response) => {
      resolve(answerOf(response));
    });
    // Not once: a request can report a second error (its socket closing) after the first.
    req.on("error", reject);
    req.end(outbound.body);
  });
