import { createServer } from "node:net";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { ManualClock } from "./clock.js";
import type { Database } from "./db/tables.js";
import { isUnavailable } from "./error-handler.js";
import { HttpProblem } from "./problem.js";
import { stderrLog, type ServerLog } from "./server-log.js";
import { buildServer } from "./server.js";
import { startTestRuntime } from "./test-runtime.js";

/** A local port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("error answers", () => {
  it("answers 413 for a body over the limit", async () => {
    const rt = await startTestRuntime();
    try {
      const huge = JSON.stringify({ email: "a@example.com", password: "x".repeat(2 * 1024 * 1024) });
      const res = await rt.call("POST", "/api/auth/login", null, huge, {
        "content-type": "application/json",
      });
      expect(res.statusCode).toBe(413);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ status: 413, title: "Payload Too Large" });
    } finally {
      await rt.close();
    }
  });

  it("answers 503 with Retry-After while the database cannot be reached", async () => {
    const port = await closedPort();
    const pool = new pg.Pool({
      connectionString: `postgres://nobody@127.0.0.1:${String(port)}/none`,
      connectionTimeoutMillis: 2000,
    });
    pool.on("error", () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const app = await buildServer({ db, dbKind: "postgres", clock: new ManualClock("2026-11-23T09:00:00Z") });
    try {
      const signedIn = await app.inject({
        method: "GET",
        url: "/api/apps",
        headers: { authorization: "Bearer some-token" },
      });
      expect(signedIn.statusCode).toBe(503);
      expect(signedIn.headers["retry-after"]).toBe("5");
      expect(signedIn.json()).toMatchObject({ status: 503, title: "Service Unavailable" });
      const login = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "a@example.com", password: "secret-1" },
      });
      expect(login.statusCode).toBe(503);
      const health = await app.inject({ method: "GET", url: "/api/health" });
      expect(health.statusCode).toBe(503);
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  it("counts a connection lost under a transaction as the database being unavailable", () => {
    // What pg throws for the next query of a transaction whose connection Postgres cut (a restart).
    expect(isUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
    expect(isUnavailable(new Error("Client was closed and is not queryable"))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(true);
    expect(isUnavailable(new Error('relation "nope" does not exist'))).toBe(false);
    expect(isUnavailable("Connection terminated")).toBe(false);
  });
});

describe("logging unexpected errors", () => {
  /** A log that keeps what it is given. */
  function keepingLog(): ServerLog & { entries: { message: string; context: Record<string, unknown> }[] } {
    const entries: { message: string; context: Record<string, unknown> }[] = [];
    return { entries, error: (message, context) => entries.push({ message, context: { ...context } }) };
  }

  it("reports a 500 with method, URL, request id and stack, and never a 4xx or a 503", async () => {
    const log = keepingLog();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool() }) });
    const app = await buildServer(
      { db, dbKind: "postgres", clock: new ManualClock("2026-11-23T09:00:00Z") },
      { log },
    );
    // Routes under /api/public (no sign-in) that fail in each of the ways the error handler tells apart.
    app.get("/api/public/fail/bug", () => {
      throw new Error("the bug");
    });
    app.get("/api/public/fail/conflict", () => {
      throw new HttpProblem(409, "taken");
    });
    app.get("/api/public/fail/unavailable", () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    });
    try {
      const bug = await app.inject({ method: "GET", url: "/api/public/fail/bug?x=1" });
      expect(bug.statusCode).toBe(500);
      expect(bug.json()).toMatchObject({ status: 500, detail: "unexpected error" });
      expect(log.entries).toEqual([
        {
          message: "unexpected error",
          context: expect.objectContaining({
            method: "GET",
            url: "/api/public/fail/bug?x=1",
            requestId: expect.any(String),
            error: "the bug",
            stack: expect.stringContaining("the bug"),
          }),
        },
      ]);
      expect((await app.inject({ method: "GET", url: "/api/public/fail/conflict" })).statusCode).toBe(409);
      expect((await app.inject({ method: "GET", url: "/api/public/fail/unavailable" })).statusCode).toBe(503);
      expect((await app.inject({ method: "GET", url: "/api/public/nothing" })).statusCode).toBe(404);
      expect(log.entries).toHaveLength(1);
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  it("writes one JSON line per error to stderr by default, nothing when silenced", () => {
    const lines: string[] = [];
    stderrLog("error", (line) => lines.push(line)).error("unexpected error", { method: "GET", stack: "s" });
    stderrLog("info", (line) => lines.push(line)).error("unexpected error", { method: "PUT" });
    stderrLog("silent", (line) => lines.push(line)).error("unexpected error", { method: "POST" });
    stderrLog("fatal", (line) => lines.push(line)).error("unexpected error", { method: "POST" });
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith("\n") && !line.slice(0, -1).includes("\n"))).toBe(true);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "error",
      msg: "unexpected error",
      method: "GET",
      stack: "s",
      time: expect.any(String),
    });
    expect(JSON.parse(lines[1] ?? "")).toMatchObject({ method: "PUT" });
  });
});
