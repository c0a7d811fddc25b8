import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/tables.js";
import { startTestRuntime, type TestRuntime, defaultWorkspaceId } from "../test-runtime.js";
import { insertApp, runRow, testDefinition } from "./test-automation.js";

describe("inbound hooks", () => {
  let rt: TestRuntime;
  let db: Kysely<Database>;
  let memberToken: string;
  let otherAdminToken: string;

  beforeAll(async () => {
    rt = await startTestRuntime();
    db = rt.database.db;
    await insertApp(db, await defaultWorkspaceId(db), testDefinition());
    const member = await rt.call("POST", "/api/users", rt.ownerToken, {
      email: "member@example.com",
      name: "Member",
      password: "member-password",
      role: "member",
    });
    expect(member.statusCode).toBe(201);
    // Shared with the member, so the role (not sharing) is what refuses them below.
    const shared = await rt.call("POST", "/api/apps/deals/members", rt.ownerToken, {
      userId: member.json<{ id: string }>().id,
    });
    expect(shared.statusCode).toBe(201);
    memberToken = await rt.login("member@example.com", "member-password");
    const other = await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Other",
      adminEmail: "other@example.com",
      adminPassword: "other-password",
    });
    expect(other.statusCode).toBe(201);
    otherAdminToken = await rt.login("other@example.com", "other-password");
  });
  afterAll(async () => {
    await rt.close();
  });

  it("gives a builder one secret URL per webhook rule", async () => {
    const created = await rt.call("POST", "/api/apps/deals/rules/hooked/hook", rt.ownerToken);
    expect(created.statusCode).toBe(201);
    const body = created.json<{ hookToken: string; url: string }>();
    expect(body.hookToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.url).toBe(`http://localhost:80/api/hooks/${body.hookToken}`);
    const again = await rt.call("POST", "/api/apps/deals/rules/hooked/hook", rt.ownerToken);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ hookToken: string }>().hookToken).toBe(body.hookToken);
  });

  it("refuses hooks for other triggers, unknown rules, other workspaces and members", async () => {
    const notWebhook = await rt.call("POST", "/api/apps/deals/rules/daily/hook", rt.ownerToken);
    expect(notWebhook.statusCode).toBe(422);
    expect(notWebhook.json()).toMatchObject({ errors: [{ path: "/ruleId", code: "not_webhook_trigger" }] });
    expect((await rt.call("POST", "/api/apps/deals/rules/nope/hook", rt.ownerToken)).statusCode).toBe(404);
    expect((await rt.call("POST", "/api/apps/deals/rules/hooked/hook", otherAdminToken)).statusCode).toBe(
      404,
    );
    expect((await rt.call("POST", "/api/apps/deals/rules/hooked/hook", memberToken)).statusCode).toBe(403);
    expect((await rt.call("POST", "/api/apps/deals/rules/hooked/hook", null)).statusCode).toBe(401);
  });

  it("enqueues a run with the JSON payload when the rule's condition holds", async () => {
    const { hookToken } = (await rt.call("POST", "/api/apps/deals/rules/hooked/hook", rt.ownerToken)).json<{
      hookToken: string;
    }>();
    const fired = await rt.call("POST", `/api/hooks/${hookToken}`, null, { kind: "go", n: 1 });
    expect(fired.statusCode).toBe(202);
    const { runId } = fired.json<{ runId: string }>();
    const run = await runRow(db, runId);
    expect(run).toMatchObject({
      rule_id: "hooked",
      app_id: "deals",
      status: "queued",
      record_id: null,
      depth: 0,
      trigger: { type: "webhook", payload: { kind: "go", n: 1 } },
    });
    expect(run.run_at.getTime()).toBe(rt.clock.now().getTime());

    const ignored = await rt.call("POST", `/api/hooks/${hookToken}`, null, { kind: "stop" });
    expect(ignored.statusCode).toBe(200);
    expect(ignored.json()).toEqual({ runId: null });
  });

  it("answers 404 for unknown tokens and 415 for bodies that are not JSON", async () => {
    const unknown = await rt.call("POST", "/api/hooks/not-a-token", null, { kind: "go" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    // Fastify bounds path parameters (maxParamLength): an overlong token never reaches the database.
    expect((await rt.call("POST", `/api/hooks/${"x".repeat(500)}`, null, {})).statusCode).toBe(414);
    const { hookToken } = (await rt.call("POST", "/api/apps/deals/rules/hooked/hook", rt.ownerToken)).json<{
      hookToken: string;
    }>();
    const text = await rt.app.inject({
      method: "POST",
      url: `/api/hooks/${hookToken}`,
      headers: { "content-type": "text/plain" },
      payload: "kind=go",
    });
    expect(text.statusCode).toBe(415);
  });
});
