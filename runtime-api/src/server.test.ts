import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "./config.js";
import { OWNER_EMAIL, OWNER_PASSWORD, startTestRuntime, type TestRuntime } from "./test-runtime.js";

describe("runtime server", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it("answers health with the database kind", async () => {
    const res = await rt.call("GET", "/api/health", null);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: rt.database.kind, version: "0.1.0" });
  });

  it("lists templates with their metadata and counts", async () => {
    const res = await rt.call("GET", "/api/templates", rt.ownerToken);
    expect(res.statusCode).toBe(200);
    const list = res.json<{ id: string; counts: { forms: number } }[]>();
    expect(list.find((t) => t.id === "sales-plan")?.counts.forms).toBeGreaterThan(0);
  });

  it("returns a template's definition and 404 problem+json for an unknown one", async () => {
    const ok = await rt.call("GET", "/api/templates/sales-plan", rt.ownerToken);
    expect(ok.json<{ id: string }>().id).toBe("sales-plan");
    const missing = await rt.call("GET", "/api/templates/nope", rt.ownerToken);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json()).toMatchObject({ status: 404, title: "Not Found" });
  });

  it("answers unknown routes and malformed JSON with problem+json", async () => {
    const none = await rt.call("GET", "/api/nothing-here", rt.ownerToken);
    expect(none.statusCode).toBe(404);
    const bad = await rt.call("POST", "/api/auth/login", null, "{not json", {
      "content-type": "application/json",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    const proto = await rt.call(
      "POST",
      "/api/auth/login",
      null,
      '{"email":"a","password":"b","__proto__":{"x":1}}',
      {
        "content-type": "application/json",
      },
    );
    expect(proto.statusCode).toBe(400);
    const wrongType = await rt.call("POST", "/api/auth/login", null, "email=a", {
      "content-type": "text/plain",
    });
    expect(wrongType.statusCode).toBe(415);
  });

  it("rejects malformed configuration", () => {
    expect(() => readConfig({ PORT: "abc" })).toThrow(/PORT/);
    expect(readConfig({}).logLevel).toBe("error");
    expect(readConfig({ LOG_LEVEL: "Silent" }).logLevel).toBe("silent");
    expect(() => readConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    expect(readConfig({ DATABASE_URL: "postgres://x/y", PORT: "4000" })).toMatchObject({
      port: 4000,
      databaseUrl: "postgres://x/y",
      adminEmail: "admin@example.com",
      adminPassword: undefined,
      apiProcesses: 1,
    });
  });

  it("takes several API processes only on Postgres", () => {
    expect(readConfig({ DATABASE_URL: "postgres://x/y", API_PROCESSES: "3" }).apiProcesses).toBe(3);
    expect(() => readConfig({ API_PROCESSES: "2" })).toThrow(/API_PROCESSES above 1 needs DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: "postgres://x/y", API_PROCESSES: "0" })).toThrow(/at least 1/);
    expect(() => readConfig({ API_PROCESSES: "two" })).toThrow(/API_PROCESSES/);
    expect(readConfig({ API_PROCESSES: "1" }).apiProcesses).toBe(1);
  });
});

describe("over real HTTP", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it("serves the API on a socket: sign in, then read with the session cookie", async () => {
    const address = await rt.app.listen({ host: "127.0.0.1", port: 0 });
    const login = await fetch(`${address}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: OWNER_EMAIL, password: OWNER_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^sc_session=/);
    const me = await fetch(`${address}/api/me`, { headers: { cookie } });
    expect(((await me.json()) as { email: string }).email).toBe(OWNER_EMAIL);
    const anonymous = await fetch(`${address}/api/me`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
  });
});
