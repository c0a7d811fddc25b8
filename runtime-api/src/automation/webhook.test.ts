import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nodeTransport } from "./http-transport.js";
import { startTestServer, type TestServer } from "./test-http-server.js";
import { deliverWebhook, redactUrl, type WebhookEffect } from "./webhook.js";
import { signWebhook, webhookSecretText, webhookSigningKey } from "./webhook-signature.js";

const key = webhookSigningKey("server-secret", "ws-1");
const now = new Date("2026-11-23T09:00:00.000Z");
const LOCAL = new Set(["127.0.0.1"]);

function effect(url: string, extra: Partial<WebhookEffect> = {}): WebhookEffect {
  return {
    type: "webhook",
    url,
    method: "POST",
    headers: { "x-api-key": "k-123", "webhook-id": "forged" },
    body: { deal: "Acme", amount: 5 },
    idempotencyKey: "run-1:2",
    ...extra,
  };
}

/** Verify a signature as a Standard Webhooks receiver does, from the `whsec_` secret. */
function verify(secret: string, headers: Record<string, unknown>, body: string): boolean {
  const keyBytes = Buffer.from(secret.slice("whsec_".length), "base64");
  const id = String(headers["webhook-id"]);
  const timestamp = String(headers["webhook-timestamp"]);
  const expected = createHmac("sha256", keyBytes).update(`${id}.${timestamp}.${body}`).digest("base64");
  return String(headers["webhook-signature"]).split(" ").includes(`v1,${expected}`);
}

describe("deliverWebhook", () => {
  let server: TestServer;
  let answer: (path: string) => { status: number; location?: string; hang?: boolean };
  beforeAll(async () => {
    server = await startTestServer((req, res) => {
      const reply = answer(req.url);
      if (reply.hang === true) return;
      res.statusCode = reply.status;
      if (reply.location !== undefined) res.setHeader("location", reply.location);
      res.end("ok");
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    answer = () => ({ status: 204 });
  });

  it("posts the JSON body with Standard Webhooks headers a receiver can verify", async () => {
    const result = await deliverWebhook(effect(`${server.origin}/in?token=abc`), {
      key,
      now,
      allowHosts: LOCAL,
    });
    expect(result).toEqual({ ok: true, status: 204, redirects: 0 });
    const [req] = server.requests;
    expect(req).toMatchObject({ method: "POST", url: "/in?token=abc", body: '{"deal":"Acme","amount":5}' });
    expect(req!.headers).toMatchObject({
      "content-type": "application/json",
      "x-api-key": "k-123",
      "webhook-id": "run-1:2",
      "webhook-timestamp": String(now.getTime() / 1000),
    });
    expect(verify(webhookSecretText(key), req!.headers, req!.body)).toBe(true);
    expect(
      verify(webhookSecretText(webhookSigningKey("server-secret", "ws-2")), req!.headers, req!.body),
    ).toBe(false);
  });

  it("signs the Standard Webhooks test vector", () => {
    // From github.com/standard-webhooks/standard-webhooks (libraries' shared test case).
    const secret = Buffer.from("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "base64");
    const signed = signWebhook(
      secret,
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(signed["webhook-signature"]).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("keeps a retried delivery's webhook-id (the idempotency key)", async () => {
    await deliverWebhook(effect(`${server.origin}/in`), { key, now, allowHosts: LOCAL });
    await deliverWebhook(effect(`${server.origin}/in`), {
      key,
      now: new Date(now.getTime() + 60_000),
      allowHosts: LOCAL,
    });
    expect(server.requests.map((r) => r.headers["webhook-id"])).toEqual(["run-1:2", "run-1:2"]);
  });

  it("refuses loopback unless allow-listed, without calling", async () => {
    const result = await deliverWebhook(effect(`${server.origin}/in`), { key, now, allowHosts: new Set() });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(result.ok ? "" : result.reason).toContain("loopback");
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a redirect from an allow-listed host to a loopback name", async () => {
    answer = (path) =>
      path === "/in" ? { status: 302, location: `http://localhost:${server.port}/private` } : { status: 204 };
    const result = await deliverWebhook(effect(`${server.origin}/in`), { key, now, allowHosts: LOCAL });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(result.ok ? "" : result.reason).toMatch(/refused: localhost resolves to .*loopback/);
    expect(server.requests.map((r) => r.url)).toEqual(["/in"]);
  });

  it("refuses redirects to metadata and numeric loopback forms", async () => {
    for (const location of [
      "http://169.254.169.254/latest/meta-data/",
      "http://0x7f000002/",
      "http://metadata.google.internal/",
    ]) {
      answer = () => ({ status: 307, location });
      const result = await deliverWebhook(effect(`${server.origin}/in`), { key, now, allowHosts: LOCAL });
      expect(result).toMatchObject({ ok: false, retryable: false });
    }
  });

  it("follows redirects it may follow (re-checked), as fetch would, up to a limit", async () => {
    answer = (path) =>
      path === "/in"
        ? { status: 308, location: "/moved" }
        : path === "/moved"
          ? { status: 303, location: `${server.origin}/seen` }
          : { status: 200 };
    const result = await deliverWebhook(effect(`${server.origin}/in`), { key, now, allowHosts: LOCAL });
    expect(result).toEqual({ ok: true, status: 200, redirects: 2 });
    expect(server.requests.map((r) => [r.method, r.url, r.body.length > 0])).toEqual([
      ["POST", "/in", true],
      ["POST", "/moved", true],
      ["GET", "/seen", false],
    ]);

    server.requests.length = 0;
    answer = (path) => ({ status: 302, location: `${path}x` });
    const loop = await deliverWebhook(effect(`${server.origin}/in`), { key, now, allowHosts: LOCAL });
    expect(loop).toMatchObject({ ok: false, retryable: false, reason: "more than 3 redirects" });
    expect(server.requests).toHaveLength(4);
  });

  it("drops the rule's own headers on a redirect to another origin", async () => {
    answer = (path) =>
      path === "/in" ? { status: 307, location: `http://localhost:${server.port}/other` } : { status: 204 };
    const allow = new Set(["127.0.0.1", "localhost"]);
    expect(
      await deliverWebhook(effect(`${server.origin}/in`), { key, now, allowHosts: allow }),
    ).toMatchObject({ ok: true });
    expect(server.requests.map((r) => r.headers["x-api-key"])).toEqual(["k-123", undefined]);
    expect(server.requests[1]!.headers["webhook-id"]).toBe("run-1:2");
  });

  it("treats non-2xx answers, timeouts and connection errors as retryable", async () => {
    answer = () => ({ status: 503 });
    expect(await deliverWebhook(effect(`${server.origin}/in`), { key, now, allowHosts: LOCAL })).toEqual({
      ok: false,
      retryable: true,
      reason: "answered HTTP 503",
      status: 503,
    });
    answer = () => ({ status: 200, hang: true });
    const started = Date.now();
    const slow = await deliverWebhook(effect(`${server.origin}/in`), {
      key,
      now,
      allowHosts: LOCAL,
      timeoutMs: 200,
    });
    expect(slow).toMatchObject({ ok: false, retryable: true });
    expect(Date.now() - started).toBeLessThan(5000);
    const closed = await startTestServer();
    const origin = closed.origin;
    await closed.close();
    const refused = await deliverWebhook(effect(`${origin}/in`), {
      key,
      now,
      allowHosts: LOCAL,
      timeoutMs: 2000,
    });
    expect(refused).toMatchObject({ ok: false, retryable: true });
    expect(refused.ok ? "" : refused.reason).toContain("ECONNREFUSED");
  });

  it("connects to the checked address, not to a fresh resolution of the name", async () => {
    const answerOf = await nodeTransport({
      url: new URL(`http://pinned.invalid:${server.port}/pinned`),
      method: "POST",
      headers: {},
      body: "{}",
      addresses: [{ address: "127.0.0.1", family: 4 }],
      signal: AbortSignal.timeout(2000),
    });
    expect(answerOf.status).toBe(204);
    expect(server.requests[0]).toMatchObject({
      url: "/pinned",
      headers: { host: `pinned.invalid:${server.port}` },
    });
  });

  it("redacts URLs for logs", () => {
    expect(redactUrl("https://user:pw@hooks.example.com/a/b?token=x#f")).toBe(
      "https://hooks.example.com/a/b",
    );
    expect(redactUrl("nope")).toBe("(invalid URL)");
  });
});
