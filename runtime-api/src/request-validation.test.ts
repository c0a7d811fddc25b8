import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./server.js";
import { OWNER_EMAIL, OWNER_PASSWORD, startTestRuntime, type TestRuntime } from "./test-runtime.js";

interface Problem {
  status: number;
  errors: { path: string; code: string }[];
}

describe("request validation", () => {
  let rt: TestRuntime;
  // A second server on the same database with one extra route whose body has a number.
  let probe: FastifyInstance;
  beforeAll(async () => {
    rt = await startTestRuntime();
    probe = await buildServer({ db: rt.database.db, dbKind: rt.database.kind, clock: rt.clock });
    probe.post(
      "/api/test/count",
      {
        schema: {
          body: {
            type: "object",
            required: ["count"],
            additionalProperties: false,
            properties: { count: { type: "integer" } },
          },
        },
      },
      async (request) => {
        await Promise.resolve();
        return { received: request.body };
      },
    );
  });
  afterAll(async () => {
    await probe.close();
    await rt.close();
  });

  it("refuses an array where a body wants a string, naming the field", async () => {
    const res = await rt.call("POST", "/api/auth/login", null, {
      email: [OWNER_EMAIL],
      password: OWNER_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const problem = res.json<Problem>();
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([expect.objectContaining({ path: "/email", code: "type" })]);
  });

  it("refuses a string where a body wants a number, naming the field", async () => {
    const headers = { authorization: `Bearer ${rt.ownerToken}` };
    const url = "/api/test/count";
    const refused = await probe.inject({ method: "POST", url, headers, payload: { count: "5" } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors).toEqual([
      expect.objectContaining({ path: "/count", code: "type" }),
    ]);
    const taken = await probe.inject({ method: "POST", url, headers, payload: { count: 5 } });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toEqual({ received: { count: 5 } });
  });

  it("still reads numbers and booleans from the querystring", async () => {
    const res = await rt.call("GET", "/api/notifications?limit=5&unread=true", rt.ownerToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [] });
    const bad = await rt.call("GET", "/api/notifications?limit=many", rt.ownerToken);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors).toEqual([
      expect.objectContaining({ path: "/querystring/limit", code: "type" }),
    ]);
  });
});
