import { describe, expect, it } from "vitest";
import { allowListHost } from "./allowlist.js";
import { blockedAddressReason } from "./ip-address.js";
import { checkOutboundUrl, type HostResolver, type ResolvedAddress } from "./ssrf.js";

/** A resolver over a fixed table; a name outside it does not resolve (no network in tests). */
function fakeDns(table: Record<string, string[]>): HostResolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (host: string): Promise<ResolvedAddress[]> => {
    asked.push(host);
    await Promise.resolve();
    const found = table[host];
    if (found === undefined) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

const dns = fakeDns({
  "public.example": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
  "rebind.example": ["93.184.216.34", "127.0.0.1"],
  "private.example": ["10.1.2.3"],
  "mapped.example": ["::ffff:169.254.169.254"],
  "v6local.example": ["fe80::1"],
  "empty.example": [],
});

const policy = { allowHosts: new Set<string>(), resolve: dns };

describe("checkOutboundUrl", () => {
  it.each([
    ["http://127.0.0.1/hook", "loopback"],
    ["http://127.8.9.10:8080/", "loopback"],
    ["http://[::1]/", "loopback"],
    ["http://[0:0:0:0:0:0:0:1]/", "loopback"],
    ["http://169.254.169.254/latest/meta-data/", "link-local"],
    ["http://0x7f000001/", "loopback"],
    ["http://2130706433/", "loopback"],
    ["http://0177.0.0.1/", "loopback"],
    ["http://127.1/", "loopback"],
    ["http://0x7f.1/", "loopback"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://0/", "unspecified"],
    ["http://[::]/", "unspecified"],
    ["http://10.0.0.1/", "private"],
    ["http://172.16.5.4/", "private"],
    ["http://172.31.255.255/", "private"],
    ["http://192.168.1.1/", "private"],
    ["http://100.64.0.1/", "CGNAT"],
    ["http://224.0.0.1/", "multicast"],
    ["http://255.255.255.255/", "broadcast"],
    ["http://[fc00::1]/", "unique local"],
    ["http://[fd12:3456::1]/", "unique local"],
    ["http://[fe80::1]/", "link-local"],
    ["http://[ff02::1]/", "multicast"],
    ["http://[::ffff:127.0.0.1]/", "IPv4-mapped loopback"],
    ["http://[::ffff:7f00:1]/", "IPv4-mapped loopback"],
    ["http://[::ffff:a9fe:a9fe]/", "IPv4-mapped link-local"],
    ["http://[::127.0.0.1]/", "IPv4-mapped loopback"],
    ["http://[64:ff9b::10.0.0.1]/", "NAT64 private"],
    ["http://[2002:7f00:1::]/", "6to4 loopback"],
  ])("refuses %s (%s)", async (url, reason) => {
    const check = await checkOutboundUrl(url, policy);
    expect(check).toMatchObject({ ok: false, code: "blocked_address" });
    expect(check.ok ? "" : check.reason).toContain(reason);
  });

  it("refuses cloud metadata names without resolving them", async () => {
    for (const url of [
      "http://metadata.google.internal/computeMetadata/v1/",
      "http://METADATA.google.internal./",
    ]) {
      expect(await checkOutboundUrl(url, policy)).toMatchObject({ ok: false, code: "metadata" });
    }
    expect(dns.asked).not.toContain("metadata.google.internal");
  });

  it("refuses a name when any of its addresses is private (after resolution)", async () => {
    expect(await checkOutboundUrl("https://rebind.example/x", policy)).toMatchObject({
      ok: false,
      code: "blocked_address",
    });
    expect(await checkOutboundUrl("https://private.example/x", policy)).toMatchObject({ ok: false });
    expect(await checkOutboundUrl("https://mapped.example/x", policy)).toMatchObject({ ok: false });
    expect(await checkOutboundUrl("https://v6local.example/x", policy)).toMatchObject({ ok: false });
  });

  it("refuses other schemes, bad URLs and names that do not resolve", async () => {
    expect(await checkOutboundUrl("ftp://public.example/", policy)).toMatchObject({
      ok: false,
      code: "scheme",
    });
    expect(await checkOutboundUrl("file:///etc/passwd", policy)).toMatchObject({ ok: false, code: "scheme" });
    expect(await checkOutboundUrl("gopher://127.0.0.1/", policy)).toMatchObject({
      ok: false,
      code: "scheme",
    });
    expect(await checkOutboundUrl("not a url", policy)).toMatchObject({ ok: false, code: "invalid_url" });
    expect(await checkOutboundUrl("http://nowhere.example/", policy)).toMatchObject({
      ok: false,
      code: "dns",
    });
    expect(await checkOutboundUrl("http://empty.example/", policy)).toMatchObject({ ok: false, code: "dns" });
  });

  it("accepts public hosts and answers the addresses to connect to", async () => {
    const check = await checkOutboundUrl("https://public.example/hook?x=1", policy);
    expect(check).toMatchObject({
      ok: true,
      addresses: [{ address: "93.184.216.34", family: 4 }, { family: 6 }],
    });
    expect(await checkOutboundUrl("http://8.8.8.8/", policy)).toMatchObject({
      ok: true,
      addresses: [{ address: "8.8.8.8", family: 4 }],
    });
    expect(await checkOutboundUrl("http://[2606:4700:4700::1111]/", policy)).toMatchObject({ ok: true });
  });

  it("lets allow-listed hosts through by exact host, and nothing else", async () => {
    const allow = { allowHosts: new Set(["127.0.0.1", "private.example", "[::1]"]), resolve: dns };
    expect(await checkOutboundUrl("http://127.0.0.1:8080/hook", allow)).toMatchObject({
      ok: true,
      addresses: null,
    });
    // The same address spelled differently is the same URL host.
    expect(await checkOutboundUrl("http://2130706433/", allow)).toMatchObject({ ok: true });
    expect(await checkOutboundUrl("http://[::1]/", allow)).toMatchObject({ ok: true });
    expect(await checkOutboundUrl("https://PRIVATE.example./", allow)).toMatchObject({ ok: true });
    expect(await checkOutboundUrl("http://127.0.0.2/", allow)).toMatchObject({ ok: false });
    expect(await checkOutboundUrl("http://localhost/", allow)).toMatchObject({ ok: false });
    expect(await checkOutboundUrl("https://sub.private.example/", allow)).toMatchObject({ ok: false });
  });
});

describe("blockedAddressReason", () => {
  it("passes public addresses and refuses the rest", () => {
    expect(blockedAddressReason("93.184.216.34")).toBeUndefined();
    expect(blockedAddressReason("172.32.0.1")).toBeUndefined();
    expect(blockedAddressReason("100.128.0.1")).toBeUndefined();
    expect(blockedAddressReason("2606:4700:4700::1111")).toBeUndefined();
    expect(blockedAddressReason("::ffff:8.8.8.8")).toBeUndefined();
    expect(blockedAddressReason("[::1]")).toBe("loopback");
    expect(blockedAddressReason("fe80::1%eth0")).toBe("link-local");
    expect(blockedAddressReason("2001:db8::1")).toBe("documentation");
    expect(blockedAddressReason("example.com")).toBe("not an IP address");
  });
});

describe("allowListHost", () => {
  it("normalizes hosts as URLs name them and rejects anything that is not a bare host", () => {
    expect(allowListHost(" Hooks.Example.COM. ")).toBe("hooks.example.com");
    expect(allowListHost("::1")).toBe("[::1]");
    expect(allowListHost("[::1]")).toBe("[::1]");
    expect(allowListHost("0x7f000001")).toBe("127.0.0.1");
    for (const bad of ["", "http://x.com", "x.com:8080", "x.com/path", "user@x.com", "x.com?q", "a b"])
      expect(allowListHost(bad)).toBeUndefined();
  });
});
