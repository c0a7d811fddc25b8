import { isIPv4, isIPv6 } from "node:net";

// Outbound calls must not reach the server itself, its network or cloud metadata: every address
// below is refused unless an admin allow-lists the host. Addresses are parsed to numbers, so
// spellings (IPv4-mapped IPv6, `::ffff:7f00:1`, `0:0:0:0:0:0:0:1`) cannot slip through.

/** An IPv4 range: first address as a 32-bit number and prefix length, with why it is refused. */
type V4Range = readonly [base: number, prefix: number, reason: string];

function v4(text: string): number {
  return text.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

const V4_BLOCKED: readonly V4Range[] = [
  [v4("0.0.0.0"), 8, "unspecified"],
  [v4("10.0.0.0"), 8, "private"],
  [v4("100.64.0.0"), 10, "shared (CGNAT)"],
  [v4("127.0.0.0"), 8, "loopback"],
  [v4("169.254.0.0"), 16, "link-local (cloud metadata)"],
  [v4("172.16.0.0"), 12, "private"],
  [v4("192.0.0.0"), 24, "IETF protocol assignments"],
  [v4("192.0.2.0"), 24, "documentation"],
  [v4("192.88.99.0"), 24, "6to4 relay"],
  [v4("192.168.0.0"), 16, "private"],
  [v4("198.18.0.0"), 15, "benchmarking"],
  [v4("198.51.100.0"), 24, "documentation"],
  [v4("203.0.113.0"), 24, "documentation"],
  [v4("224.0.0.0"), 4, "multicast"],
  [v4("240.0.0.0"), 4, "reserved or broadcast"],
];

function inV4Range(address: number, [base, prefix]: V4Range): boolean {
  const size = 2 ** (32 - prefix);
  return address >= base && address < base + size;
}

/** Why an IPv4 address (as a 32-bit number) is refused, or undefined when it is public. */
function v4Reason(address: number): string | undefined {
  return V4_BLOCKED.find((range) => inV4Range(address, range))?.[2];
}

/** The eight 16-bit groups of an IPv6 address (without brackets or zone), or undefined. */
export function ipv6Groups(text: string): number[] | undefined {
  if (!isIPv6(text)) return undefined;
  let body = text.split("%", 1)[0] ?? "";
  const tail: number[] = [];
  // A trailing dotted IPv4 part (`::ffff:127.0.0.1`) is two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted?.[1] !== undefined) {
    const n = v4(dotted[1]);
    tail.push(Math.floor(n / 65536), n % 65536);
    body = body.slice(0, body.length - dotted[1].length);
    if (body.endsWith(":") && !body.endsWith("::")) body = body.slice(0, -1);
  }
  const parse = (part: string): number[] => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const halves = body.split("::");
  const head = parse(halves[0] ?? "");
  const rest = halves.length > 1 ? parse(halves[1] ?? "") : [];
  const missing = 8 - head.length - rest.length - tail.length;
  return [...head, ...new Array<number>(Math.max(0, missing)).fill(0), ...rest, ...tail];
}

/** The IPv4 address embedded in groups 6–7, as a 32-bit number. */
function embeddedV4(groups: readonly number[], at = 6): number {
  return (groups[at] ?? 0) * 65536 + (groups[at + 1] ?? 0);
}

function startsWith(groups: readonly number[], prefix: readonly number[]): boolean {
  return prefix.every((g, i) => groups[i] === g);
}

/** Why an IPv6 address is refused, or undefined when it is public. */
function v6Reason(groups: readonly number[]): string | undefined {
  const first = groups[0] ?? 0;
  if (groups.every((g) => g === 0)) return "unspecified";
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  if (startsWith(groups, [0, 0, 0, 0, 0, 0xffff]) || startsWith(groups, [0, 0, 0, 0, 0, 0])) {
    const reason = v4Reason(embeddedV4(groups));
    return reason === undefined ? undefined : `IPv4-mapped ${reason}`;
  }
  if (startsWith(groups, [0x64, 0xff9b, 0, 0, 0, 0])) {
    const reason = v4Reason(embeddedV4(groups));
    return reason === undefined ? undefined : `NAT64 ${reason}`;
  }
  // 6to4 (2002:a.b.c.d::/48) carries an IPv4 address in groups 1–2.
  if (first === 0x2002) {
    const reason = v4Reason(embeddedV4(groups, 1));
    return reason === undefined ? undefined : `6to4 ${reason}`;
  }
  if ((first & 0xfe00) === 0xfc00) return "unique local (private)";
  if ((first & 0xffc0) === 0xfe80) return "link-local";
  if ((first & 0xffc0) === 0xfec0) return "site-local";
  if ((first & 0xff00) === 0xff00) return "multicast";
  if (first === 0x2001 && groups[1] === 0x0db8) return "documentation";
  if (startsWith(groups, [0x100, 0, 0, 0])) return "discard";
  return undefined;
}

/**
 * Why an IP address (v4 dotted, or v6 with or without brackets) must not be called, or
 * undefined when it is a public address. Text that is not an IP address is refused too.
 */
export function blockedAddressReason(address: string): string | undefined {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return v4Reason(v4(bare));
  const groups = ipv6Groups(bare);
  if (groups === undefined) return "not an IP address";
  return v6Reason(groups);
}
