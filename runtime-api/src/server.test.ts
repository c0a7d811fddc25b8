import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { readConfig } from "./config.js";
import { buildServer } from "./server.js";

describe("runtime server", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer(readConfig({}));
  });
  afterAll(async () => {
    await app.close();
  });

  it("answers health with the database kind", async () => {
    const res = await app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "pglite", version: "0.1.0" });
  });

  it("lists templates with their metadata and counts", async () => {
    const res = await app.inject({ method: "GET", url: "/api/templates" });
    expect(res.statusCode).toBe(200);
    const list = res.json<{ id: string; counts: { forms: number } }[]>();
    const plan = list.find((t) => t.id === "sales-plan");
    expect(plan?.counts.forms).toBeGreaterThan(0);
  });

  it("returns a template's definition and 404 problem+json for an unknown one", async () => {
    const ok = await app.inject({ method: "GET", url: "/api/templates/sales-plan" });
    expect(ok.json<{ id: string }>().id).toBe("sales-plan");
    const missing = await app.inject({ method: "GET", url: "/api/templates/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json<{ status: number }>().status).toBe(404);
  });

  it("rejects malformed configuration", () => {
    expect(() => readConfig({ PORT: "abc" })).toThrow(/PORT/);
    expect(readConfig({ DATABASE_URL: "postgres://x/y", PORT: "4000" })).toMatchObject({
      port: 4000,
      databaseUrl: "postgres://x/y",
    });
  });
});
