import type { Effect } from "@stagecraft/engine";
import { nodeTransport, type HttpTransport } from "./http-transport.js";
import { checkOutboundUrl, type HostResolver, type OutboundCheck, type ResolvedAddress } from "./ssrf.js";
import { signWebhook } from "./webhook-signature.js";

/** An outbound webhook as the engine plans it. */
export type WebhookEffect = Extract<Effect, { type: "webhook" }>;

/** A delivery gives up after this long, redirects included, unless told otherwise. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Redirects followed (each one re-checked) before a delivery gives up. */
export const MAX_REDIRECTS = 3;

/** What deliverWebhook needs besides the effect. */
export interface DeliveryOptions {
  /** The workspace's signing key (see webhook-signature.ts). */
  key: Uint8Array;
  /** The time stamped in `webhook-timestamp`. */
  now: Date;
  /** Allow-listed hosts of the workspace (canonical host names). */
  allowHosts: ReadonlySet<string>;
  timeoutMs?: number;
  resolve?: HostResolver;
  transport?: HttpTransport;
  /** Aborts the delivery (worker shutdown). */
  signal?: AbortSignal;
}

/**
 * How a delivery went. A refusal (SSRF policy, bad URL) is not retryable: retrying cannot help
 * until an admin changes the allow-list. Timeouts, network errors and non-2xx answers are.
 */
export type DeliveryResult =
  | { ok: true; status: number; redirects: number }
  | { ok: false; retryable: boolean; reason: string; status?: number };

// Headers a rule may not set: the transport and the signature own them.
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "content-type",
  "transfer-encoding",
  "connection",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
]);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A URL as logs and run effects show it: origin and path, never credentials or the query. */
export function redactUrl(url: string | URL): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

function customHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !RESERVED_HEADERS.has(name.toLowerCase())),
  );
}

function refusal(check: Extract<OutboundCheck, { ok: false }>): DeliveryResult {
  return { ok: false, retryable: check.code === "dns", reason: `refused: ${check.reason}` };
}

function errorReason(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason.message : "aborted";
  if (err instanceof Error) {
    const code = "code" in err && typeof err.code === "string" ? ` (${err.code})` : "";
    return `${err.message}${code}`;
  }
  return String(err);
}

/** One hop's request state; redirects replace it. */
interface Hop {
  url: URL;
  addresses: ResolvedAddress[] | null;
  method: string;
  body: string | undefined;
  custom: Record<string, string>;
}

/** The next hop of a redirect (fetch's rules: 303, and 301/302 after a POST, become a GET without body). */
function redirected(hop: Hop, status: number, next: URL, addresses: ResolvedAddress[] | null): Hop {
  const toGet = status === 303 || ((status === 301 || status === 302) && hop.method !== "GET");
  return {
    url: next,
    addresses,
    method: toGet ? "GET" : hop.method,
    body: toGet ? undefined : hop.body,
    // A rule's own headers (tokens, keys) never follow a redirect to another origin.
    custom: next.origin === hop.url.origin ? hop.custom : {},
  };
}

/**
 * Deliver an outbound webhook: the JSON body signed with Standard Webhooks headers (`webhook-id`
 * is the effect's idempotency key, so a retried delivery has the same id), connected only to
 * addresses the SSRF check allowed, redirects followed by hand (at most MAX_REDIRECTS, each
 * re-checked), all within one timeout. A 2xx answer is success.
 */
export async function deliverWebhook(
  effect: WebhookEffect,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const policy = { allowHosts: options.allowHosts, ...(options.resolve ? { resolve: options.resolve } : {}) };
  const first = await checkOutboundUrl(effect.url, policy);
  if (!first.ok) return refusal(first);
  const body = JSON.stringify(effect.body ?? null);
  const signature = signWebhook(options.key, effect.idempotencyKey, options.now, body);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const transport = options.transport ?? nodeTransport;
  let hop: Hop = {
    url: first.url,
    addresses: first.addresses,
    method: effect.method,
    body,
    custom: customHeaders(effect.headers),
  };
  for (let redirects = 0; ; redirects++) {
    const headers = {
      ...hop.custom,
      ...(hop.body !== undefined ? { "content-type": "application/json" } : {}),
      "user-agent": "Stagecraft-Webhook/1",
      ...signature,
    };
    let answer;
    try {
      answer = await transport({ ...hop, headers, signal });
    } catch (err) {
      return { ok: false, retryable: true, reason: errorReason(err, signal) };
    }
    const { status, location } = answer;
    if (status >= 200 && status < 300) return { ok: true, status, redirects };
    if (!REDIRECTS.has(status) || location === undefined)
      return { ok: false, retryable: true, reason: `answered HTTP ${status}`, status };
    if (redirects >= MAX_REDIRECTS)
      return { ok: false, retryable: false, reason: `more than ${MAX_REDIRECTS} redirects`, status };
    let next: URL;
    try {
      next = new URL(location, hop.url);
    } catch {
      return { ok: false, retryable: false, reason: "redirected to an invalid URL", status };
    }
    const check = await checkOutboundUrl(next, policy);
    if (!check.ok) return refusal(check);
    hop = redirected(hop, status, check.url, check.addresses);
  }
}
