import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { blockedAddressReason } from "./ip-address.js";

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (injected in tests; DNS by default). */
export type HostResolver = (host: string) => Promise<ResolvedAddress[]>;

/** The system resolver: every address of a name, as the OS would connect to it. */
export const dnsResolver: HostResolver = async (host) => {
  const found = await lookup(host, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** How checkOutboundUrl decides. */
export interface OutboundPolicy {
  /** Hosts an admin allow-listed (URL host names, lower case): they skip the address check. */
  allowHosts: ReadonlySet<string>;
  resolve?: HostResolver;
}

/** Why an outbound URL is refused: `dns` failures may pass later, the others will not. */
export type RefusalCode = "invalid_url" | "scheme" | "metadata" | "blocked_address" | "dns";

/**
 * The answer: ok with the addresses to connect to (null for an allow-listed host, which is
 * resolved normally), or the refusal.
 */
export type OutboundCheck =
  | { ok: true; url: URL; addresses: ResolvedAddress[] | null }
  | { ok: false; code: RefusalCode; reason: string };

// Cloud metadata services by name (their addresses are link-local and refused anyway).
const METADATA_HOSTS = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "metadata.azure.com",
  "instance-data",
  "instance-data.ec2.internal",
]);

/** A host name as allow-list entries and comparisons use it: lower case, no trailing dot. */
export function canonicalHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, "");
}

function refuse(code: RefusalCode, reason: string): OutboundCheck {
  return { ok: false, code, reason };
}

/** The URL host without IPv6 brackets. */
function bareHost(url: URL): string {
  const host = url.hostname;
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/**
 * Whether the runtime may call a URL: http(s) only; an allow-listed host passes; otherwise the
 * host must not be a metadata name and no address it resolves to (all of them, IPv4 and IPv6)
 * may be loopback, private, link-local, unspecified, CGNAT, multicast or reserved. Numeric host
 * spellings (`0x7f000001`, `2130706433`, `0177.0.0.1`, `127.1`) are normalized by the WHATWG
 * URL parser to dotted IPv4 before the check.
 */
export async function checkOutboundUrl(url: string | URL, policy: OutboundPolicy): Promise<OutboundCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse("invalid_url", "the URL cannot be parsed");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return refuse("scheme", `only http and https are allowed, not ${parsed.protocol}`);
  const host = canonicalHost(parsed.hostname);
  if (host === "") return refuse("invalid_url", "the URL has no host");
  if (policy.allowHosts.has(host)) return { ok: true, url: parsed, addresses: null };
  if (METADATA_HOSTS.has(host)) return refuse("metadata", `${host} is a cloud metadata service`);
  const bare = bareHost(parsed);
  let addresses: ResolvedAddress[];
  if (isIP(bare) !== 0) {
    addresses = [{ address: bare, family: isIP(bare) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await (policy.resolve ?? dnsResolver)(host);
    } catch (err) {
      const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "error";
      return refuse("dns", `${host} does not resolve (${code})`);
    }
    if (addresses.length === 0) return refuse("dns", `${host} does not resolve`);
  }
  for (const { address } of addresses) {
    const reason = blockedAddressReason(address);
    if (reason !== undefined) return refuse("blocked_address", `${host} resolves to ${address}: ${reason}`);
  }
  return { ok: true, url: parsed, addresses };
}
