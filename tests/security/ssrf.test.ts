// SSRF: what an admin can save (allow-list entries, rule webhook URLs) and what a delivery refuses.
// Rules aim webhooks at loopback, private, link-local and metadata addresses in every spelling the
// URL parser accepts (IPv6, IPv4-mapped IPv6, decimal, octal, hex, trailing dots, userinfo); the
// worker runs them with a transport that records instead of sending: none of them may reach it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Rule } from "@stagecraft/schemas";
import {
  createApplyRecordEffect,
  createRuleExecutor,
  Worker,
  type OutboundRequest,
} from "@stagecraft/runtime-api/testing";
import {
  expectNothingWritten,
  expectProblem,
  recordsUrl,
  startSecurityWorld,
  targetApp,
  type SecurityWorld,
} from "./security-harness.js";

let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  await world.close();
});

/** URLs no delivery may reach (none of them allow-listed). */
const HOSTILE_URLS = [
  "http://127.0.0.1/hook",
  "http://127.1/hook",
  "http://10.0.0.5/hook",
  "http://172.16.3.4/hook",
  "http://192.168.1.1/hook",
  "http://100.64.0.1/hook",
  "http://0.0.0.0/hook",
  "http://169.254.169.254/latest/meta-data/",
  "http://[::1]/hook",
  "http://[::]/hook",
  "http://[fd00::1]/hook",
  "http://[fe80::1]/hook",
  "http://[::ffff:127.0.0.1]/hook",
  "http://[::ffff:a9fe:a9fe]/hook",
  "http://2130706433/hook",
  "http://0177.0.0.1/hook",
  "http://0x7f000001/hook",
  "http://localhost/hook",
  "http://localhost./hook",
  "http://LOCALHOST:8080/hook",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://hooks.example.com@127.0.0.1/hook",
  "http://user:s3cr3t-pass@10.0.0.7/hook",
  "https://rebind.example.com/hook",
];

// The resolver the worker uses: names resolve as an attacker would arrange them.
const DNS: Record<string, string> = {
  "hooks.example.com": "93.184.216.34",
  localhost: "127.0.0.1",
  "rebind.example.com": "192.168.0.10",
  "allowed.internal.example": "10.9.9.9",
};

describe("what an admin can save", () => {
  it("allow-list entries must be bare hosts: URLs, ports, paths and userinfo → 422", async () => {
    const { rt } = world;
    await expectNothingWritten(rt, async () => {
      for (const host of [
        "http://127.0.0.1",
        "127.0.0.1:8080",
        "evil.com/path",
        "user@evil.com",
        "evil.com@127.0.0.1",
        "evil.com#@127.0.0.1",
        "evil.com?x=1",
        "evil.com\\@127.0.0.1",
      ]) {
        expectProblem(await rt.call("POST", "/api/webhook-allowlist", rt.ownerToken, { host }), 422, [
          "/host",
        ]);
      }
      for (const body of [{ host: "" }, { host: "a".repeat(300) }, { host: { a: 1 }, extra: 1 }]) {
        const shape = await rt.call("POST", "/api/webhook-allowlist", rt.ownerToken, body);
        expectProblem(shape, 400, ["/host"]);
      }
    });
  });

  it("rule webhook URLs must be http(s): other schemes → 422 naming the URL", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const url of [
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_FLUSHALL",
        "javascript:alert(1)",
        "ftp://10.0.0.1/",
        "dict://127.0.0.1:11211/",
        " http://127.0.0.1/",
      ]) {
        const res = await rt.call("PUT", `/api/apps/${home.appId}/draft`, home.token, {
          definition: targetApp(url),
        });
        expectProblem(res, 422, ["/definition/rules/0/actions/0/url"]);
      }
    });
  });
});

describe("what a delivery refuses", () => {
  it("every private, loopback and metadata target is refused before any request is sent", async () => {
    const { rt, home } = world;
    const allow = await rt.call("POST", "/api/webhook-allowlist", rt.ownerToken, {
      host: "allowed.internal.example",
    });
    expect(allow.statusCode).toBe(201);
    const definition = targetApp();
    const rules: Rule[] = HOSTILE_URLS.map((url, index) => ({
      id: `hostile_${index}`,
      trigger: { type: "record.created", form: "deal" },
      actions: [{ type: "webhook", url, method: "POST", body: { var: "title" } }],
    }));
    rules.push({
      id: "allowed",
      trigger: { type: "record.created", form: "deal" },
      actions: [{ type: "webhook", url: "http://allowed.internal.example/hook", method: "POST" }],
    });
    definition.rules = rules;
    // An admin may save any http(s) URL: the refusal happens at delivery, where DNS is known.
    const installed = await rt.call("POST", "/api/apps", home.token, { definition });
    expect(installed.statusCode, installed.body).toBe(201);
    const appId = installed.json<{ id: string }>().id;
    const created = await rt.call("POST", recordsUrl(appId), home.token, { data: { title: "Probe" } });
    expect(created.statusCode, created.body).toBe(201);

    const sent: OutboundRequest[] = [];
    const runtime = rt.app.runtime;
    const executor = createRuleExecutor(runtime, createApplyRecordEffect(runtime), {
      webhookSecret: "security-secret",
      resolve: async (host) => {
        await Promise.resolve();
        const address = DNS[host.toLowerCase()];
        if (address === undefined) throw new Error(`no such host ${host}`);
        return [{ address, family: 4 }];
      },
      transport: async (request) => {
        await Promise.resolve();
        sent.push(request);
        return { status: 200, location: undefined };
      },
    });
    const worker = new Worker(runtime, executor, { random: () => 0.5 });
    for (let pass = 0; pass < 20; pass++) {
      if ((await worker.runOnce(rt.clock.now(), 50)) === 0) break;
    }

    // Only the harness's public hook and the allow-listed host were called.
    const hosts = new Set(sent.map((r) => new URL(r.url).hostname));
    expect([...hosts].sort()).toEqual(["allowed.internal.example", "hooks.example.com"]);
    const runs = await rt.database.db
      .selectFrom("rule_runs")
      .select(["rule_id", "status", "error"])
      .where("app_id", "=", appId)
      .orderBy("rule_id")
      .execute();
    expect(runs).toHaveLength(HOSTILE_URLS.length + 1);
    for (const run of runs) {
      if (run.rule_id === "allowed") {
        expect(run.status).toBe("succeeded");
        continue;
      }
      expect(run.status, `${run.rule_id} ${run.error ?? ""}`).not.toBe("succeeded");
      expect(run.status).not.toBe("queued");
      expect(run.error ?? "").toMatch(/refused|no such host/);
    }
    // Credentials in a URL never reach a run's stored error or effects.
    const stored = await rt.call("GET", `/api/apps/${appId}/runs?limit=500`, home.token);
    expect(stored.statusCode).toBe(200);
    expect(stored.body).not.toContain("s3cr3t-pass");
    expect((await rt.call("GET", "/api/health", null)).statusCode).toBe(200);
  });
});
