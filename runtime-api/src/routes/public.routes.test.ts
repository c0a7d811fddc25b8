import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAuthentication } from "../auth/authenticate.js";
import { registerErrorHandler } from "../error-handler.js";
import { dealDefinition, installApp, whoIs } from "../records/test-records.js";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { publicRoutes } from "./public.routes.js";

interface Problem {
  status: number;
  title: string;
  errors: { path: string; code: string }[];
}

describe("public form routes", () => {
  let rt: TestRuntime;
  let appId: string;
  let token: string;
  const share = async (form = "deal"): Promise<string> => {
    const res = await rt.call("POST", `/api/apps/${appId}/forms/${form}/share`, rt.ownerToken);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ shareToken: string }>().shareToken;
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    const { workspaceId } = await whoIs(rt, rt.ownerToken);
    appId = await installApp(rt.database.db, workspaceId, dealDefinition());
    token = await share();
  });
  afterAll(async () => {
    await rt.close();
  });

  it("shows only the shared form's render definition, without signing in", async () => {
    const res = await rt.call("GET", `/api/public/forms/${token}`, null);
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, unknown>>();
    const deal = dealDefinition().forms[0];
    expect(body).toEqual({
      appId,
      appName: dealDefinition().name,
      form: { id: "deal", name: deal?.name, fields: deal?.fields },
    });
    expect(res.body).not.toContain("pipeline");
    expect(res.body).not.toContain("on_created");
    expect(res.body).not.toContain('"note"');
  });

  it("creates a record owned by nobody, answering only its id, with a public actor in its history", async () => {
    const res = await rt.call("POST", `/api/public/forms/${token}/records`, null, {
      data: { title: "From the web", amount: 50 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string }>();
    expect(Object.keys(body)).toEqual(["id"]);
    const url = `/api/apps/${appId}/forms/deal/records/${body.id}`;
    const record = await rt.call("GET", url, rt.ownerToken);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({
      ownerId: null,
      stage: "lead",
      data: { title: "From the web", amount: 50 },
    });
    const history = (await rt.call("GET", `${url}/history`, rt.ownerToken)).json<
      { kind: string; actor: unknown }[]
    >();
    expect(history).toMatchObject([{ kind: "created", actor: { type: "public", id: null } }]);
    expect(JSON.stringify(history)).not.toContain(token);
  });

  it("answers 422 naming every invalid field, and 400 for the wrong shape", async () => {
    const res = await rt.call("POST", `/api/public/forms/${token}/records`, null, {
      data: { amount: -1, bogus: 1 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const paths = res.json<Problem>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["/data/title", "/data/amount", "/data/bogus"]));
    const shape = await rt.call("POST", `/api/public/forms/${token}/records`, null, { nope: 1 });
    expect(shape.statusCode).toBe(400);
  });

  it("answers 404 for unknown and revoked tokens", async () => {
    expect((await rt.call("GET", "/api/public/forms/unknown-token", null)).statusCode).toBe(404);
    const other = await share("note");
    expect((await rt.call("GET", `/api/public/forms/${other}`, null)).statusCode).toBe(200);
    const revoked = await rt.call("DELETE", `/api/apps/${appId}/forms/note/share/${other}`, rt.ownerToken);
    expect(revoked.statusCode).toBe(204);
    const gone = await rt.call("GET", `/api/public/forms/${other}`, null);
    expect(gone.statusCode).toBe(404);
    expect(gone.headers["content-type"]).toContain("application/problem+json");
    const post = await rt.call("POST", `/api/public/forms/${other}/records`, null, { data: { body: "x" } });
    expect(post.statusCode).toBe(404);
  });

  describe("rate limit", () => {
    let small: FastifyInstance;
    beforeAll(async () => {
      // The same runtime behind a server whose public routes allow two submissions per client.
      small = Fastify({ logger: false });
      small.decorate("runtime", rt.app.runtime);
      registerErrorHandler(small);
      await small.register(cookie);
      registerAuthentication(small);
      await small.register(publicRoutes, { submissionLimit: 2 });
      await small.ready();
    });
    afterAll(async () => {
      await small.close();
    });

    it("answers 429 problem+json with Retry-After once a client exceeds the limit", async () => {
      const post = (ip: string) =>
        small.inject({
          method: "POST",
          url: `/api/public/forms/${token}/records`,
          remoteAddress: ip,
          payload: { data: { title: "Spam", amount: 1 } },
        });
      expect((await post("10.0.0.1")).statusCode).toBe(201);
      expect((await post("10.0.0.1")).statusCode).toBe(201);
      const limited = await post("10.0.0.1");
      expect(limited.statusCode).toBe(429);
      expect(limited.headers["content-type"]).toContain("application/problem+json");
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      expect(limited.json()).toMatchObject({ status: 429, title: "Too Many Requests" });
      expect((await post("10.0.0.2")).statusCode).toBe(201);
      // Reading the form is not limited.
      const read = await small.inject({
        method: "GET",
        url: `/api/public/forms/${token}`,
        remoteAddress: "10.0.0.1",
      });
      expect(read.statusCode).toBe(200);
    });
  });
});
